namespace LapGate.Sensor.Timing;

/// <summary>
/// A device-clock mapping as saved between runs: event ms = <paramref name="OffsetMillis"/> + floor(extended / 1000),
/// and the checkpoint that lets a restarted sensor tell whether the device's counter kept running.
/// </summary>
/// <param name="OffsetMillis">Epoch ms of extended device time 0 (the anchor).</param>
/// <param name="Extended">The device time at the checkpoint, with the wraps since the anchor added (µs).</param>
/// <param name="LastRaw">The raw device time at the checkpoint, as the device sent it (µs, may wrap at 2^32).</param>
/// <param name="HostEpochMicros">The host's Unix-epoch µs when that device time arrived.</param>
public sealed record DeviceClockState(long OffsetMillis, long Extended, long LastRaw, long HostEpochMicros);
