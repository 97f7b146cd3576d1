namespace LapGate.Sensor.Link;

/// <summary>Where the link to the app is.</summary>
public enum LinkState
{
    /// <summary>Not connected (waiting to retry, or not started).</summary>
    Disconnected,

    /// <summary>Opening the WebSocket.</summary>
    Connecting,

    /// <summary>Sent <c>api_version</c>, waiting for the app's reply.</summary>
    Handshaking,

    /// <summary>Registered as the analog sensor (<c>controller_set "Z"</c>); events flow.</summary>
    Connected,

    /// <summary>The link loop ended.</summary>
    Stopped,
}
