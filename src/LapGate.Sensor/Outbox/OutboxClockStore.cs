using LapGate.Sensor.Timing;

namespace LapGate.Sensor.Outbox;

/// <summary>One input source's device-clock mapping in the outbox file (table <c>clock</c>, one row per source).</summary>
public sealed class OutboxClockStore : IDeviceClockStore
{
    private readonly IOutbox _outbox;
    private readonly string _source;

    /// <param name="outbox">The open outbox.</param>
    /// <param name="source">The input's name, e.g. <c>stdin</c> or <c>serial:/dev/ttyUSB0</c>.</param>
    public OutboxClockStore(IOutbox outbox, string source)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentException.ThrowIfNullOrEmpty(source);
        _outbox = outbox;
        _source = source;
    }

    public DeviceClockState? Load() => _outbox.LoadClock(_source);

    public void Save(DeviceClockState state, bool newMapping) => _outbox.SaveClock(_source, state, flush: newMapping);
}
