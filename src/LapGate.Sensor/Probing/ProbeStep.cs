namespace LapGate.Sensor.Probing;

/// <summary>The steps of a probe, reported through <see cref="ProbeOptions.OnStep"/>.</summary>
public enum ProbeStep
{
    /// <summary>Opening the TCP connection.</summary>
    Connecting,
    /// <summary>Asking for the WebSocket upgrade.</summary>
    Upgrading,
    /// <summary><c>api_version</c> sent; waiting for the app's replies.</summary>
    Handshaking,
    /// <summary>A further <c>api_version</c> sent for a round-trip sample.</summary>
    Sampling,
}
