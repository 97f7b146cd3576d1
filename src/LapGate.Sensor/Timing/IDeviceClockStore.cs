namespace LapGate.Sensor.Timing;

/// <summary>
/// Durable storage of one input source's device-clock mapping. <see cref="Save"/> is called before any event
/// stamped with that mapping is written or sent.
/// </summary>
public interface IDeviceClockStore
{
    /// <summary>The saved mapping, or null when there is none.</summary>
    DeviceClockState? Load();

    /// <summary>
    /// Replaces the saved mapping. With <paramref name="newMapping"/> (the first mapping, or a fresh one after a
    /// device reset) it returns only once the state is durable. A checkpoint of the same mapping may become
    /// durable with the events written after it (in order), so a power cut loses it only together with them,
    /// and the previous checkpoint, equally valid, is used.
    /// </summary>
    void Save(DeviceClockState state, bool newMapping);
}
