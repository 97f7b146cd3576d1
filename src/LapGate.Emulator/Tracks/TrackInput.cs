namespace LapGate.Emulator.Tracks;

/// <summary>The body of <c>POST /api/tracks</c>: a new track, or a change of the one with <see cref="Id"/>.</summary>
/// <param name="Id">Null to create a track.</param>
/// <param name="Name">1..64 characters, unique.</param>
/// <param name="MinLapMs">Minimum lap time in ms, or null.</param>
/// <param name="MaxLapMs">Maximum lap time in ms, or null.</param>
public sealed record TrackInput(long? Id, string? Name, long? MinLapMs = null, long? MaxLapMs = null)
{
    /// <summary>Longest track name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Null when valid, else what is wrong.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            return $"\"name\" must be 1..{MaxNameLength} characters";
        }
        return LapLimits.Problem(MinLapMs, MaxLapMs);
    }
}
