namespace LapGate.Sensor.Tests.Timing;

/// <summary>A device-clock store in memory, standing in for the outbox between two "runs" of a property.</summary>
internal sealed class MemoryClockStore : IDeviceClockStore
{
    public DeviceClockState? State { get; private set; }

    /// <summary>How many saves were new mappings (to be durable at once).</summary>
    public int NewMappings { get; private set; }

    public DeviceClockState? Load() => State;

    public void Save(DeviceClockState state, bool newMapping)
    {
        State = state;
        NewMappings += newMapping ? 1 : 0;
    }
}
