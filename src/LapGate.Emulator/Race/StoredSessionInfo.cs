
namespace LapGate.Emulator.Race;

/// <summary>One row of the session list (without events).</summary>
public sealed record StoredSessionInfo(long Id, DateTimeOffset CreatedAt, RaceState State, RaceTimeline Timeline)
{
    /// <summary>The name of its managed track (the name it had when the track was deleted), or null.</summary>
    public string? TrackName { get; init; }
}
