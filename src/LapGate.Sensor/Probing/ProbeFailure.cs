namespace LapGate.Sensor.Probing;

/// <summary>Why a probe of the app failed; each kind has its own hint for the person at the track.</summary>
public enum ProbeFailure
{
    /// <summary>The address is not a ws:// address.</summary>
    InvalidAddress,
    /// <summary>The host name does not resolve.</summary>
    NameNotResolved,
    /// <summary>The host answered, but nothing listens on that port (connection refused).</summary>
    NothingListening,
    /// <summary>No route to the host: wrong network or address.</summary>
    Unreachable,
    /// <summary>No answer at all within the timeout: a firewall dropping packets, or a wrong address.</summary>
    TimedOut,
    /// <summary>Something answered on the port, but not as a WebSocket server.</summary>
    NotWebSocket,
    /// <summary>The WebSocket opened but the app never replied to <c>api_version</c>.</summary>
    NoHandshakeReply,
    /// <summary>The app replied with something that is not the SmartRace protocol.</summary>
    UnexpectedReply,
    /// <summary>The app closed the connection during the probe.</summary>
    ClosedByApp,
}
