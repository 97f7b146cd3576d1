using System.Globalization;

namespace LapGate.Emulator.Race;

/// <summary>
/// How a race finishes: <c>open</c> (no finish; stop by hand), <c>laps</c> (the first to complete
/// <see cref="Laps"/> wins) or <c>time</c> (after <see cref="DurationMs"/> the leader wins).
/// Kept as a small record so later race types (practice, qualifying, lap limits) can add fields.
/// </summary>
/// <param name="Mode">One of <see cref="RaceModes"/>.</param>
/// <param name="Laps">Laps to race for <c>laps</c>.</param>
/// <param name="DurationMs">Race duration for <c>time</c>.</param>
public sealed record RaceSetup(string Mode, int? Laps = null, long? DurationMs = null)
{
    /// <summary>Most laps a race can be set to.</summary>
    public const int MaxLaps = 10_000;

    /// <summary>Longest timed race (24 h).</summary>
    public const long MaxDurationMs = 24L * 60 * 60 * 1000;

    /// <summary>No finish: the race runs until stopped.</summary>
    public static RaceSetup Open { get; } = new(RaceModes.Open);

    /// <summary>A race to <paramref name="laps"/> laps.</summary>
    public static RaceSetup ForLaps(int laps) => new(RaceModes.Laps, laps);

    /// <summary>A race of <paramref name="duration"/>.</summary>
    public static RaceSetup ForTime(TimeSpan duration) => new(RaceModes.Time, DurationMs: (long)duration.TotalMilliseconds);

    /// <summary>The duration of a timed race.</summary>
    public TimeSpan? Duration => DurationMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>Null when valid, else what is wrong (for a 400 answer).</summary>
    public string? Problem() => Mode switch
    {
        RaceModes.Open => null,
        RaceModes.Laps => Laps is >= 1 and <= MaxLaps ? null : $"laps must be 1..{MaxLaps} (got {Show(Laps)})",
        RaceModes.Time => DurationMs is >= 1000 and <= MaxDurationMs ? null : $"the duration must be 1 second .. 24 hours (got {Show(DurationMs)} ms)",
        _ => $"mode must be \"laps\", \"time\" or \"open\" (got \"{Mode}\")",
    };

    /// <summary>Readable: <c>20 laps</c>, <c>5 min</c>, <c>open</c>.</summary>
    public override string ToString() => Mode switch
    {
        RaceModes.Laps => $"{Laps} laps",
        RaceModes.Time => $"{TimeSpan.FromMilliseconds(DurationMs ?? 0).TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)} min",
        _ => Mode,
    };

    private static string Show<T>(T? value) where T : struct, IFormattable =>
        value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : "nothing";
}
