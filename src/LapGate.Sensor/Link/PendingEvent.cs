using LapGate.Sensor.Events;

namespace LapGate.Sensor.Link;

/// <summary>
/// An event not yet confirmed, with where its frame ended in the current connection's outgoing bytes
/// (<see cref="DeliveryTap.BytesWritten"/> after its send; null = not sent on this connection).
/// </summary>
internal sealed class PendingEvent(SensorEvent value)
{
    public SensorEvent Event { get; } = value;

    public long? SentEnd { get; set; }
}
