namespace LapGate.Emulator.Race;

/// <summary>The race at one moment: exactly what <c>GET /api/race</c> returns.</summary>
/// <param name="State"><c>idle</c>, <c>running</c> or <c>ended</c>.</param>
/// <param name="Session">The session id (a reset starts a new one).</param>
/// <param name="Controllers">Configured and active controllers, by position.</param>
/// <param name="DuplicatesIgnored">Exact duplicate laps (same controller and timestamp) ignored.</param>
/// <param name="Violations">The newest protocol violations (at most 100), oldest first.</param>
public sealed record RaceSnapshot(
    string State,
    long Session,
    IReadOnlyList<ControllerStanding> Controllers,
    int DuplicatesIgnored,
    IReadOnlyList<Violation> Violations)
{
    /// <summary>How the race finishes (<c>open</c> when never set up).</summary>
    public RaceSetup Setup { get; init; } = RaceSetup.Open;

    /// <summary>When the race was started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When a timed race runs out.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Time left of a timed race (the full duration while idle, 0 once ended); null for other modes.</summary>
    public long? RemainingMs { get; init; }

    /// <summary>The managed track of the setup with its record, or null.</summary>
    public Tracks.Track? Track { get; init; }

    /// <summary>When the current suspension began (null unless suspended).</summary>
    public DateTimeOffset? SuspendedAt { get; init; }

    /// <summary>When the race ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Why it ended: one of <see cref="FinishReasons"/>, or null.</summary>
    public string? FinishReason { get; init; }

    /// <summary>The winning controller once ended (null without laps).</summary>
    public int? WinnerId { get; init; }

    /// <summary>The standing of a controller, or null.</summary>
    public ControllerStanding? Find(int controllerId) => Controllers.FirstOrDefault(c => c.Id == controllerId);
}
