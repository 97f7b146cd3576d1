namespace LapGate.Emulator.Race;

/// <summary>A session's race: its setup, when it started and ended, why, and who won. Stored with the session.</summary>
/// <param name="Setup">How the race finishes.</param>
/// <param name="StartedAt">When it was started (emulator clock).</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="FinishReason">One of <see cref="FinishReasons"/>, or null while not ended.</param>
/// <param name="WinnerId">The winning controller, or null (no laps, or not ended).</param>
public sealed record RaceTimeline(RaceSetup Setup, DateTimeOffset? StartedAt = null, DateTimeOffset? EndedAt = null, string? FinishReason = null, int? WinnerId = null)
{
    /// <summary>When a timed race runs out, or null.</summary>
    public DateTimeOffset? EndsAt => StartedAt is { } start && Setup.Duration is { } duration ? start + duration : null;
}
