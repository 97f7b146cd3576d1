using LapGate.Emulator.Tracks;

namespace LapGate.Emulator.Race;

/// <summary>
/// How a race finishes: <c>open</c> (no finish; stop by hand), <c>laps</c> (the first to complete
/// <see cref="Laps"/> wins) or <c>time</c> (after <see cref="DurationMs"/> the leader wins).
/// <see cref="MinLapMs"/> and <see cref="MaxLapMs"/> are the track's lap time limits: a lap at or below the
/// minimum or above the maximum is not counted (see <see cref="RejectReasons"/>).
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

    /// <summary>One of <see cref="RaceKinds"/>: <c>race</c> (the default), <c>qualifying</c> or <c>practice</c>.</summary>
    public string Kind { get; init; } = RaceKinds.Race;

    /// <summary>Longest start countdown (1 min).</summary>
    public const long MaxCountdownMs = 60_000;

    /// <summary>A start countdown (ms): start goes through <c>starting</c> for this long before <c>running</c>; null or 0 = at once.</summary>
    public long? CountdownMs { get; init; }

    /// <summary>The managed track driven on (its record is kept), or null.</summary>
    public long? TrackId { get; init; }

    /// <summary>Free practice (open, never started or ended).</summary>
    public static RaceSetup Practice { get; } = new(RaceModes.Open) { Kind = RaceKinds.Practice };

    /// <summary>True for <see cref="RaceKinds.Qualifying"/>: the fastest single lap wins.</summary>
    public bool IsQualifying => Kind == RaceKinds.Qualifying;

    /// <summary>True for <see cref="RaceKinds.Practice"/>.</summary>
    public bool IsPractice => Kind == RaceKinds.Practice;

    /// <summary>A lap at or below this (ms) is not counted and its crossing is ignored; null = no minimum.</summary>
    public long? MinLapMs { get; init; }

    /// <summary>A lap above this (ms) is not counted; its crossing becomes the new reference; null = no maximum.</summary>
    public long? MaxLapMs { get; init; }

    /// <summary>No finish: the race runs until stopped.</summary>
    public static RaceSetup Open { get; } = new(RaceModes.Open);

    /// <summary>A race to <paramref name="laps"/> laps.</summary>
    public static RaceSetup ForLaps(int laps) => new(RaceModes.Laps, laps);

    /// <summary>A race of <paramref name="duration"/>.</summary>
    public static RaceSetup ForTime(TimeSpan duration) => new(RaceModes.Time, DurationMs: (long)duration.TotalMilliseconds);

    /// <summary>The duration of a timed race.</summary>
    public TimeSpan? Duration => DurationMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>Null when valid, else what is wrong (for a 400 answer).</summary>
    public string? Problem() => KindProblem() ?? LimitsProblem() ?? Mode switch
    {
        RaceModes.Open => null,
        RaceModes.Laps => Laps is >= 1 and <= MaxLaps ? null : $"laps must be 1..{MaxLaps} (got {Show(Laps)})",
        RaceModes.Time => DurationMs is >= 1000 and <= MaxDurationMs ? null : $"the duration must be 1 second .. 24 hours (got {Show(DurationMs)} ms)",
        _ => $"mode must be \"laps\", \"time\" or \"open\" (got \"{Mode}\")",
    };

    /// <summary>Whether a lap of <paramref name="lapMs"/> counts: null, or the rejection reason and the limit broken.</summary>
    public (string Reason, long LimitMs)? Reject(long lapMs) =>
        MinLapMs is { } min && lapMs <= min ? (RejectReasons.TooShort, min)
        : MaxLapMs is { } max && lapMs > max ? (RejectReasons.TooLong, max)
        : null;

    /// <summary>Readable: <c>20 laps</c>, <c>5 min</c>, <c>open</c>, with limits: <c>20 laps, laps 1000..60000 ms</c>.</summary>
    public override string ToString()
    {
        var finish = Mode switch
        {
            RaceModes.Laps => $"{Laps} laps",
            RaceModes.Time => $"{TimeSpan.FromMilliseconds(DurationMs ?? 0).TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)} min",
            _ => Mode,
        };
        finish = Kind switch
        {
            RaceKinds.Practice => "free practice",
            RaceKinds.Qualifying => $"qualifying, {finish}",
            _ => finish,
        };
        return MinLapMs is null && MaxLapMs is null ? finish
            : $"{finish}, laps {Show(MinLapMs)}..{Show(MaxLapMs)} ms";
    }

    private string? KindProblem() => Kind switch
    {
        RaceKinds.Race or RaceKinds.Qualifying => null,
        RaceKinds.Practice => Mode == RaceModes.Open ? null : $"free practice has no finish: its mode must be \"open\" (got \"{Mode}\")",
        _ => $"kind must be \"race\", \"qualifying\" or \"practice\" (got \"{Kind}\")",
    };

    private string? LimitsProblem() =>
        CountdownMs is < 0 or > MaxCountdownMs ? $"the start countdown must be 0..{MaxCountdownMs} ms (got {Show(CountdownMs)} ms)"
        : LapLimits.Problem(MinLapMs, MaxLapMs);

    private static string Show<T>(T? value) where T : struct, IFormattable =>
        value is { } v ? v.ToString(null, CultureInfo.InvariantCulture) : "nothing";
}
