namespace LapGate.TestSupport;

/// <summary>How a <see cref="StandInApp"/> connection ends after a received frame.</summary>
public enum Cut
{
    None,

    /// <summary>Send a close frame (<see cref="StandInScript.CutClose"/>), then drop what still arrives until the peer's close.</summary>
    WithCloseFrame,

    /// <summary>Drop the TCP connection without a close frame (a reset).</summary>
    WithoutCloseFrame,

    /// <summary>Stop reading and answering (no pongs, no close): a half-open link.</summary>
    GoSilent,
}

/// <summary>Where a connection stands when <see cref="StandInScript.CutAfter"/> is asked.</summary>
/// <param name="Connection">The connection (1, 2, …).</param>
/// <param name="Frames">Data frames received on this connection so far.</param>
/// <param name="Events">Frames of events (<c>analog_…</c>) received so far on all connections.</param>
public readonly record struct StandInProgress(int Connection, int Frames, int Events);

/// <summary>What a <see cref="StandInApp"/> does. Frames are sent as given (newlines and all).</summary>
public sealed record StandInScript
{
    /// <summary>The three app frames that answer api_version in the api-v7 capture, exactly as captured.</summary>
    public static IReadOnlyList<string> CaptureReplies { get; } = CaptureTranscript.Summary("api-v7-session.txt")
        .Where(f => f.Direction == CaptureDirection.AppToSensor).Take(3).Select(f => f.Text).ToArray();

    /// <summary>
    /// The capture's three replies in its shape (newlines and all), with a driver per lane named apart (Nic, Alex,
    /// unassigned), so that a test can tell the lanes' drivers apart.
    /// </summary>
    public static IReadOnlyList<string> NamedDriverReplies { get; } =
    [
        "{\"type\":\"update_controller_data\",\"data\":\n{\"1\":{\"color\":\"rgb(0, 0, 0)\",\"backgroundColor\":\"rgb(28, 237, 175)\",\"driver\":\"Nic\",\"car\":\"BMW M4\"},\n\"2\":{\"color\":\"black\",\"backgroundColor\":\"rgb(254, 249, 17)\",\"driver\":\"Alex\",\"car\":\"Ferrari 488\"},\n\"3\":{\"color\":\"rgb(0, 0, 0)\",\"backgroundColor\":\"rgb(188, 195, 188)\",\"driver\":\"Non assegnato\",\"car\":\"Non assegnato\"}}}",
        "{\"type\":\"update_server_info\",\"data\":{\"is_subscribed\":false}}",
        "{\"type\":\"api_version\",\"data\":{\"api_version\":7}}",
    ];

    /// <summary>A frame of a type no app sends yet (a peer must ignore it).</summary>
    public const string FutureFrame = "{\"type\":\"hello_from_the_future\",\"data\":{\"x\":1}}";

    /// <summary>Exactly the api-v7 capture's answer to api_version: what a forwarding test compares against.</summary>
    public static StandInScript AsCaptured { get; } = new() { Replies = CaptureReplies };

    /// <summary>Frames sent on api_version, in order (default: <see cref="FutureFrame"/>, then <see cref="NamedDriverReplies"/>).</summary>
    public IReadOnlyList<string> Replies { get; init; } = [FutureFrame, .. NamedDriverReplies];

    /// <summary>When false the app never answers api_version.</summary>
    public bool Answer { get; init; } = true;

    /// <summary>Sent right after controller_set is received.</summary>
    public IReadOnlyList<string> AfterRegistration { get; init; } = [];

    /// <summary>Decides after each received data frame whether (and how) the stand-in ends the connection.</summary>
    public Func<StandInProgress, Cut> CutAfter { get; init; } = _ => Cut.None;

    /// <summary>The close code and reason of <see cref="Cut.WithCloseFrame"/>.</summary>
    public (int Code, string Reason) CutClose { get; init; } = (1000, "stand-in cut");

    /// <summary>When false, a peer's close is never answered (to test close timeouts).</summary>
    public bool AnswerCloses { get; init; } = true;

    /// <summary>
    /// Runs after each received data frame (after the replies above, before <see cref="CutAfter"/>): anything else the
    /// app sends, such as garbage, binary frames or an oversized frame.
    /// </summary>
    public Func<StandInConnection, Frame, Task>? OnFrame { get; init; }
}
