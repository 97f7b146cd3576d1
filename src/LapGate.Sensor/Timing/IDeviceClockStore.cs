namespace LapGate.Sensor.Timing;

/// <summary>
/// Durable storage of one input source's device-clock mapping. <see cref="Save"/> returns only once the
/// state is durable, and is called before any event stamped with that mapping is written or sent.
/// </summary>
public interface IDeviceClockStore
{
    /// <summary>The saved mapping, or null when there is none.</summary>
    DeviceClockState? Load();

    /// <summary>Replaces the saved mapping.</summary>
    void Save(DeviceClockState state);
}
