namespace LapGate.Sensor.Link;

/// <summary>Timing of the link to the app. Defaults notice a dead link within 3 s.</summary>
public sealed class LinkOptions
{
    /// <summary>A WebSocket ping is sent after this long without a frame from the app.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No pong within this time after a ping: the link is dead and is aborted.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// A sent event counts as delivered once the link stayed open this long after its send: long enough that a
    /// ping sent after the event was answered (<see cref="KeepAliveInterval"/> + <see cref="KeepAliveTimeout"/>, plus margin).
    /// </summary>
    public TimeSpan? ConfirmAfter { get; init; }

    /// <summary>Opening the WebSocket may take this long.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The app's <c>api_version</c> reply must come within this time.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A single send may take this long before the link counts as hung.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Delay between attempts.</summary>
    public IRetryPolicy RetryPolicy { get; init; } = ExponentialBackoffPolicy.Default;

    /// <summary>The effective confirmation delay.</summary>
    public TimeSpan EffectiveConfirmAfter => ConfirmAfter ?? KeepAliveInterval + KeepAliveTimeout + TimeSpan.FromSeconds(1);
}
