namespace LapGate.Sensor.Link;

/// <summary>Timing of the link to the app. Defaults notice a dead link within 3 s.</summary>
public sealed class LinkOptions
{
    /// <summary>A WebSocket ping is sent after this long without a byte from the app (the keep-alive).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No pong within this time after a ping (a keep-alive one or the one after a send): the link is dead and is aborted.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Opening the WebSocket may take this long.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The app's <c>api_version</c> reply must come within this time.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A single send may take this long before the link counts as hung.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// At a stop (or the end of the input) the app's answer to the last ping and its close reply must come within
    /// this time; otherwise the events it has not confirmed stay pending for the next run.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At most this many events are sent and not yet confirmed; the next ones wait for a pong. So the app never has
    /// more than this to read before it can answer a ping (a backlog after an outage is sent in windows, and a slow
    /// app is not mistaken for a dead link), and a cut can make the link re-send at most this many.
    /// </summary>
    public int SendWindow { get; init; } = DefaultSendWindow;

    /// <summary>The default <see cref="SendWindow"/>: 256 events, about 18 KB of <c>analog_lap</c> frames.</summary>
    public const int DefaultSendWindow = 256;

    /// <summary>Delay between attempts.</summary>
    public IRetryPolicy RetryPolicy { get; init; } = ExponentialBackoffPolicy.Default;

}
