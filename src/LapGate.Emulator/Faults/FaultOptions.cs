namespace LapGate.Emulator.Faults;

/// <summary>
/// Switches that make the emulator misbehave on purpose, to test sensors. Immutable; the server
/// swaps the whole set at run time (<see cref="Hosting.EmulatorServer.Faults"/>, <c>POST /api/faults</c>).
/// </summary>
public sealed record FaultOptions
{
    /// <summary>No faults.</summary>
    public static FaultOptions None { get; } = new();

    /// <summary>Close a connection (code 1001) after it sent this many analog frames (lap, pit enter, pit leave). Null = never.</summary>
    public int? CloseAfterAnalogFrames { get; init; }

    /// <summary>Wait this long (on the emulator's <see cref="TimeProvider"/>) before sending the three handshake replies.</summary>
    public TimeSpan HandshakeDelay { get; init; }

    /// <summary>Never answer <c>api_version</c>.</summary>
    public bool IgnoreHandshake { get; init; }

    /// <summary>True when any switch is on.</summary>
    public bool Any => CloseAfterAnalogFrames is not null || HandshakeDelay > TimeSpan.Zero || IgnoreHandshake;

    /// <summary>One line for the console, e.g. <c>close after 3 analog frames, handshake delay 500 ms</c>.</summary>
    public override string ToString()
    {
        if (!Any)
        {
            return "none";
        }
        var parts = new List<string>(3);
        if (CloseAfterAnalogFrames is { } n)
        {
            parts.Add($"close after {n} analog frames");
        }
        if (HandshakeDelay > TimeSpan.Zero)
        {
            parts.Add($"handshake delay {HandshakeDelay.TotalMilliseconds:0} ms");
        }
        if (IgnoreHandshake)
        {
            parts.Add("ignore handshake");
        }
        return string.Join(", ", parts);
    }
}
