namespace LapGate.Sensor.Inputs;

/// <summary>One gate trigger as an input saw it.</summary>
/// <param name="Pin">The input pin (as in the config).</param>
/// <param name="DeviceTimeMicros">The triggering device's own µs clock (may wrap at 2^32); null = stamp on arrival.</param>
/// <param name="HostTimestamp"><see cref="TimeProvider.GetTimestamp"/> ticks taken first thing on arrival.</param>
/// <param name="Line">The input line number, for line-based inputs.</param>
public readonly record struct Trigger(int Pin, long? DeviceTimeMicros, long HostTimestamp, int? Line);
