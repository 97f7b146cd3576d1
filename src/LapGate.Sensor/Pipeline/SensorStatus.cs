using LapGate.Sensor.Link;
using LapGate.Sensor.Outbox;

namespace LapGate.Sensor.Pipeline;

/// <summary>A snapshot of everything the person at the track wants to see.</summary>
public sealed record SensorStatus
{
    /// <summary>The sensor's clock when this snapshot was taken (the page computes ages from it).</summary>
    public DateTimeOffset Now { get; init; }

    /// <summary>The app's address the sensor connects to.</summary>
    public Uri? Server { get; init; }

    /// <summary>Where triggers come from, e.g. "gpio:0"; null before the run started.</summary>
    public string? Input { get; init; }

    public LinkState Connection { get; init; }

    /// <summary>The link state in the words the terminal and the status page show, e.g. "registered", "reconnecting: cannot reach the app".</summary>
    public string ConnectionWords => Connection switch
    {
        LinkState.Connected => "registered",
        LinkState.Connecting when Reconnects > 0 => "reconnecting",
        LinkState.Connecting => "connecting",
        LinkState.Handshaking => "handshaking",
        LinkState.Disconnected when LastReconnectCause is { } cause => "reconnecting: " + Describe(cause),
        LinkState.Disconnected => "not connected",
        _ => "stopped",
    };

    /// <summary>A reconnect cause in plain words.</summary>
    public static string Describe(ReconnectCause cause) => cause switch
    {
        ReconnectCause.ConnectFailed => "cannot reach the app",
        ReconnectCause.HandshakeTimeout => "the app did not answer the handshake",
        ReconnectCause.ClosedByApp => "the app closed the link",
        ReconnectCause.ConnectionLost => "the connection was lost",
        ReconnectCause.SendTimeout => "a send hung",
        ReconnectCause.FrameTooLarge => "the app sent an oversized frame",
        _ => cause.ToString(),
    };

    /// <summary>When the link entered <see cref="Connection"/>'s state.</summary>
    public DateTimeOffset ConnectionSince { get; init; }

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

    /// <summary>Events accepted and committed, and not yet flushed to disk (a power cut now would lose them).</summary>
    public long NotYetDurable { get; init; }

    /// <summary>Events confirmed delivered since local midnight (counting earlier runs of the same outbox).</summary>
    public int DeliveredToday { get; init; }

    /// <summary>Every configured pin, and any pin that fired without being configured, ascending.</summary>
    public IReadOnlyList<GateStatus> Gates { get; init; } = [];

    /// <summary>The latest rejected triggers not tied to a lane (unknown pins), newest first.</summary>
    public IReadOnlyList<RejectionStatus> RecentOtherRejections { get; init; } = [];

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
