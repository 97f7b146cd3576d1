namespace LapGate.Emulator.Race;

/// <summary>A session's race: its setup, when it started and ended, why, and who won. Stored with the session.</summary>
/// <param name="Setup">How the race finishes.</param>
/// <param name="StartedAt">When it was started (emulator clock).</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="FinishReason">One of <see cref="FinishReasons"/>, or null while not ended.</param>
/// <param name="WinnerId">The winning controller, or null (no laps, or not ended).</param>
public sealed record RaceTimeline(RaceSetup Setup, DateTimeOffset? StartedAt = null, DateTimeOffset? EndedAt = null, string? FinishReason = null, int? WinnerId = null)
{
    /// <summary>When the current suspension began, or null while not suspended.</summary>
    public DateTimeOffset? SuspendedAt { get; init; }

    /// <summary>Time spent suspended before the current suspension (ms); a timed race's end moves by it.</summary>
    public long SuspendedMs { get; init; }

    /// <summary>When a timed race runs out (moved by its suspensions), or null; while suspended, as if it resumed now.</summary>
    public DateTimeOffset? EndsAt => StartedAt is { } start && Setup.Duration is { } duration
        ? start + duration + TimeSpan.FromMilliseconds(SuspendedMs)
        : null;
}
