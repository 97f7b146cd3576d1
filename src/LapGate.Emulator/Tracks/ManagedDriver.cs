namespace LapGate.Emulator.Tracks;

/// <summary>A driver and car assigned to a controller in the emulator (sent in the handshake unless a <c>--drivers</c> file overrides).</summary>
/// <param name="ControllerId">1..8.</param>
/// <param name="Driver">The driver's name.</param>
/// <param name="Car">The car.</param>
/// <param name="Color">Text colour (CSS), or null.</param>
/// <param name="BackgroundColor">Background colour (CSS), or null.</param>
public sealed record ManagedDriver(int ControllerId, string? Driver, string? Car, string? Color = null, string? BackgroundColor = null)
{
    /// <summary>Longest name, car or colour.</summary>
    public const int MaxTextLength = 64;

    /// <summary>Null when valid, else what is wrong.</summary>
    public string? Problem() =>
        ControllerId is < 1 or > 8 ? $"controllerId must be 1..8 (got {ControllerId})"
        : new[] { Driver, Car, Color, BackgroundColor }.Any(t => t is { Length: > MaxTextLength })
            ? $"controller {ControllerId}: driver, car and colours must be at most {MaxTextLength} characters"
        : null;
}
