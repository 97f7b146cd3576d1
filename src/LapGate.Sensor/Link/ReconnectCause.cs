namespace LapGate.Sensor.Link;

/// <summary>Why the link dropped and is being made again.</summary>
public enum ReconnectCause
{
    /// <summary>The WebSocket could not be opened (refused, unreachable, timed out).</summary>
    ConnectFailed,

    /// <summary>The app did not send its <c>api_version</c> reply in time.</summary>
    HandshakeTimeout,

    /// <summary>The app sent a close frame.</summary>
    ClosedByApp,

    /// <summary>The connection broke without a close frame: reset, or no pong to a keep-alive ping (half-open link).</summary>
    ConnectionLost,

    /// <summary>A send did not complete in time (a hung send); the socket was aborted.</summary>
    SendTimeout,

    /// <summary>The app sent a frame larger than the limit.</summary>
    FrameTooLarge,
}
