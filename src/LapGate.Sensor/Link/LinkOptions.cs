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

    /// <summary>Delay between attempts.</summary>
    public IRetryPolicy RetryPolicy { get; init; } = ExponentialBackoffPolicy.Default;

}
