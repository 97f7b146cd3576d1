using LapGate.Sensor.Pipeline;

namespace LapGate.Sensor.Link;

/// <summary>An event not yet confirmed, with the time of its send on the current connection (null = not sent on it).</summary>
internal sealed class PendingEvent(SensorEvent value)
{
    public SensorEvent Event { get; } = value;

    public long? SentAt { get; set; }
}
