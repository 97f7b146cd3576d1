
namespace LapGate.Emulator.Race;

/// <summary>A stored session: its id, state and events in arrival order, when it was created and its race.</summary>
public sealed record StoredSession(long Id, RaceState State, IReadOnlyList<StoredEvent> Events)
{
    /// <summary>When the session was created (a reset creates one).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Setup, start, end, finish reason and winner.</summary>
    public RaceTimeline Timeline { get; init; } = new(RaceSetup.Open);

    /// <summary>The name of its managed track (the name it had when the track was deleted), or null.</summary>
    public string? TrackName { get; init; }
}
