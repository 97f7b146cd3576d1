namespace LapGate.Emulator.Tracks;

/// <summary>
/// A track's lap time limits, the rules a race setup takes them by: a lap at or below the minimum, or
/// above the maximum, is not counted.
/// </summary>
public static class LapLimits
{
    /// <summary>Longest lap time limit (1 h).</summary>
    public const long MaxMs = 60L * 60 * 1000;

    /// <summary>Null when <paramref name="minLapMs"/> and <paramref name="maxLapMs"/> (either may be null) are valid, else what is wrong.</summary>
    public static string? Problem(long? minLapMs, long? maxLapMs) =>
        minLapMs is < 0 or > MaxMs ? $"the minimum lap time must be 0..{MaxMs} ms (got {Show(minLapMs)} ms)"
        : maxLapMs is < 1 or > MaxMs ? $"the maximum lap time must be 1..{MaxMs} ms (got {Show(maxLapMs)} ms)"
        : minLapMs is { } min && maxLapMs is { } max && max <= min ? $"the maximum lap time ({max} ms) must be more than the minimum ({min} ms)"
        : null;

    private static string Show(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "nothing";
}
