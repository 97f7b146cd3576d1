using LapGate.Sensor.Pipeline;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// The durable journal of events: committed before an event is sent (and flushed to disk right after, see
/// <see cref="SqliteOutbox.FlushToDisk"/>), marked delivered only once delivery is confirmed. Called from one pipeline task at a time per method group; implementations are thread-safe.
/// </summary>
public interface IOutbox : IDisposable
{
    /// <summary>Writes events in one transaction and returns them numbered, in order.</summary>
    IReadOnlyList<SensorEvent> Append(IReadOnlyList<SensorEvent> events);

    /// <summary>Every event not yet confirmed, oldest first (from this run or a previous one).</summary>
    IReadOnlyList<SensorEvent> Pending();

    /// <summary>Marks events as delivered (confirmed).</summary>
    void MarkDelivered(IReadOnlyList<long> ids);

    /// <summary>Journals a rejected trigger.</summary>
    void Reject(RejectedTrigger rejected);
}
