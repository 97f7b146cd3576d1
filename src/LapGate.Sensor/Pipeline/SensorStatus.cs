using LapGate.Sensor.Link;
using LapGate.Sensor.Outbox;

namespace LapGate.Sensor.Pipeline;

/// <summary>A snapshot of everything the person at the track wants to see.</summary>
public sealed record SensorStatus
{
    public LinkState Connection { get; init; }

    /// <summary>The app's api version (6 or 7 seen), once it replied.</summary>
    public int? AppApiVersion { get; init; }

    /// <summary>The app's last <c>update_event_status</c> (e.g. running), or null.</summary>
    public string? RaceStatus { get; init; }

    /// <summary>Every configured lane, ascending.</summary>
    public IReadOnlyList<LaneStatus> Lanes { get; init; } = [];

    /// <summary>Events written to the outbox and not yet confirmed delivered.</summary>
    public int EventsPending { get; init; }

    /// <summary>The highest event id flushed to disk in the outbox (survives a power cut); 0 before any.</summary>
    public long DurableThrough { get; init; }

    /// <summary>
    /// Why the outbox cannot be written, or null while it can. While set, laps are sent from memory but are not
    /// durable (a restart or power cut loses those not yet confirmed); they are written once the outbox can be.
    /// </summary>
    public OutboxProblem? OutboxProblem { get; init; }

    /// <summary>True while every accepted event is written to the outbox (<see cref="OutboxProblem"/> is null).</summary>
    public bool Durable => OutboxProblem is null;

    /// <summary>How many times the link dropped.</summary>
    public int Reconnects { get; init; }

    /// <summary>Why the link last dropped.</summary>
    public ReconnectCause? LastReconnectCause { get; init; }

    /// <summary>Triggers not tied to a lane that were rejected (unknown pins) and bad input lines.</summary>
    public int OtherRejected { get; init; }

    /// <summary>True once the input ended (end of stdin, simulator finished).</summary>
    public bool InputEnded { get; init; }
}
