namespace LapGate.Sensor.Tests.Support;

/// <summary>How a stand-in connection ends after a received frame.</summary>
public enum Cut
{
    None,

    /// <summary>Send a close frame.</summary>
    WithCloseFrame,

    /// <summary>Drop the TCP connection without a close frame.</summary>
    WithoutCloseFrame,

    /// <summary>Stop reading and answering (no pongs, no close): a half-open link.</summary>
    GoSilent,
}

/// <summary>What the stand-in app does. Frames are sent as given (newlines and all).</summary>
public sealed class StandInScript
{
    public static readonly string[] CaptureReplies =
    [
        "{\"type\":\"update_controller_data\",\"data\":\n{\"1\":{\"color\":\"rgb(0, 0, 0)\",\"backgroundColor\":\"rgb(28, 237, 175)\",\"driver\":\"Nic\",\"car\":\"BMW M4\"},\n\"2\":{\"color\":\"black\",\"backgroundColor\":\"rgb(254, 249, 17)\",\"driver\":\"Alex\",\"car\":\"Ferrari 488\"},\n\"3\":{\"color\":\"rgb(0, 0, 0)\",\"backgroundColor\":\"rgb(188, 195, 188)\",\"driver\":\"Non assegnato\",\"car\":\"Non assegnato\"}}}",
        "{\"type\":\"update_server_info\",\"data\":{\"is_subscribed\":false}}",
        "{\"type\":\"api_version\",\"data\":{\"api_version\":7}}",
    ];

    /// <summary>Frames sent on api_version, in order (default: an unknown frame, then the captured three replies).</summary>
    public IReadOnlyList<string> Replies { get; init; } = ["{\"type\":\"hello_from_the_future\",\"data\":{\"x\":1}}", .. CaptureReplies];

    /// <summary>When false the app never answers api_version.</summary>
    public bool Answer { get; init; } = true;

    /// <summary>Decides after each received frame (connection number, frames of the sensor's events received so far overall).</summary>
    public Func<int, int, Cut> CutAfter { get; init; } = (_, _) => Cut.None;

    /// <summary>Sent right after controller_set is received.</summary>
    public IReadOnlyList<string> AfterRegistration { get; init; } = [];
}
