using LapGate.Sensor.Events;
using LapGate.Sensor.Timing;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// The durable journal of events: committed before an event is sent and flushed to disk right after
/// (<see cref="FlushToDisk"/>), marked delivered only once delivery is confirmed. A write that fails (a full disk,
/// a read-only remount) does not throw: the change is kept in memory and written with the next write that
/// succeeds, and <see cref="Problem"/> says why meanwhile. Called from one pipeline task at a time per method
/// group; implementations are thread-safe. <see cref="SqliteOutbox"/> is the one implementation; the link, the
/// flusher, the clock store and the runner see only this.
/// </summary>
public interface IOutbox : IDisposable
{
    /// <summary>The file path (for messages).</summary>
    string Path { get; }

    /// <summary>The highest event id flushed to disk (survives a power cut).</summary>
    long DurableThrough { get; }

    /// <summary>Why the outbox cannot be written now, or null while it can.</summary>
    OutboxProblem? Problem { get; }

    /// <summary>Events accepted but not yet written to the file (kept in memory while <see cref="Problem"/> is set).</summary>
    int Unwritten { get; }

    /// <summary>The outbox stopped taking writes, its cause changed, or it takes them again.</summary>
    event EventHandler<OutboxDurabilityChange>? DurabilityChanged;

    /// <summary>Numbers events in order and writes them in one transaction (or keeps them in memory, see <see cref="Problem"/>).</summary>
    IReadOnlyList<SensorEvent> Append(IReadOnlyList<SensorEvent> events);

    /// <summary>Every event not yet confirmed, oldest first (from this run or a previous one).</summary>
    IReadOnlyList<SensorEvent> Pending();

    /// <summary>Marks events as delivered (confirmed).</summary>
    void MarkDelivered(IReadOnlyList<long> ids);

    /// <summary>Journals a rejected trigger.</summary>
    void Reject(RejectedTrigger rejected);

    /// <summary>Makes every earlier commit durable (fsync); returns <see cref="DurableThrough"/>. Throws <see cref="IOException"/> on a disk error.</summary>
    long FlushToDisk();

    /// <summary>The saved device-clock mapping of the input <paramref name="source"/>, or null.</summary>
    DeviceClockState? LoadClock(string source);

    /// <summary>Saves the device-clock mapping of <paramref name="source"/>; with <paramref name="flush"/> durably before returning.</summary>
    void SaveClock(string source, DeviceClockState state, bool flush);
}
