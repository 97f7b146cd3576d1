using LapGate.Protocol.Messages;

namespace LapGate.Sensor.Probing;

/// <summary>What a probe found out about the app.</summary>
public sealed record ProbeResult
{
    /// <summary>The address probed.</summary>
    public required Uri Server { get; init; }

    /// <summary>True when the app completed the handshake (it replied with its api version).</summary>
    public bool Success => Failure is null;

    /// <summary>Why the probe failed, or null.</summary>
    public ProbeFailure? Failure { get; init; }

    /// <summary>The technical detail of the failure (the socket's message).</summary>
    public string? Detail { get; init; }

    /// <summary>What to check, for a failure.</summary>
    public string? Hint => Failure is { } f ? ProbeHints.For(f, Server) : null;

    /// <summary>Time to open the TCP connection.</summary>
    public TimeSpan? ConnectTime { get; init; }

    /// <summary>The app's api version.</summary>
    public int? ApiVersion { get; init; }

    /// <summary>The app's <c>is_subscribed</c>, when it sent <c>update_server_info</c>.</summary>
    public bool? IsSubscribed { get; init; }

    /// <summary>The drivers and cars per controller, when the app sent them.</summary>
    public UpdateControllerData? Controllers { get; init; }

    /// <summary>The types of the frames the app sent during the first handshake, in order.</summary>
    public IReadOnlyList<string> HandshakeFrames { get; init; } = [];

    /// <summary>Time from each <c>api_version</c> to the app's reply.</summary>
    public IReadOnlyList<TimeSpan> RoundTrips { get; init; } = [];

    /// <summary>True when the probe registered as the analog sensor (only when asked).</summary>
    public bool Registered { get; init; }

    /// <summary>The median round trip.</summary>
    public TimeSpan? MedianRoundTrip => RoundTrips.Count == 0 ? null : RoundTrips.Order().ElementAt(RoundTrips.Count / 2);

    /// <summary>The worst round trip.</summary>
    public TimeSpan? WorstRoundTrip => RoundTrips.Count == 0 ? null : RoundTrips.Max();
}
