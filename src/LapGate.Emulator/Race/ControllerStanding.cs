namespace LapGate.Emulator.Race;

/// <summary>One controller's line in <see cref="RaceSnapshot"/>.</summary>
/// <param name="Id">Controller 1..8.</param>
/// <param name="Driver">From the drivers data, or null.</param>
/// <param name="Car">From the drivers data, or null.</param>
/// <param name="Color">Text colour from the drivers data.</param>
/// <param name="BackgroundColor">Background colour from the drivers data.</param>
/// <param name="Laps">Completed laps (crossings minus the first, which is the reference).</param>
/// <param name="LastLapMs">The last completed lap in ms.</param>
/// <param name="BestLapMs">The best completed lap in ms.</param>
/// <param name="PitStops">Pit entries counted.</param>
/// <param name="InPit">Between a pit enter and a pit leave.</param>
/// <param name="Position">1 = leader: more laps first, then the earlier last crossing.</param>
/// <param name="GapMs">Time behind the leader where the leader crossed the same line count; 0 for the leader, null without crossings.</param>
/// <param name="GapLaps">Laps behind the leader.</param>
/// <param name="LastCrossing">Timestamp (sensor ms) of the last crossing.</param>
/// <param name="LapTimes">Every completed lap in ms, in order.</param>
public sealed record ControllerStanding(
    int Id,
    string? Driver,
    string? Car,
    string? Color,
    string? BackgroundColor,
    int Laps,
    long? LastLapMs,
    long? BestLapMs,
    int PitStops,
    bool InPit,
    int Position,
    long? GapMs,
    int GapLaps,
    long? LastCrossing,
    IReadOnlyList<long> LapTimes)
{
    /// <summary>Laps not counted because they broke the lap time limits (all of them, also those no longer listed).</summary>
    public int RejectedCount { get; init; }

    /// <summary>The newest rejected laps (at most 20 live; all of them in a session's results), oldest first, each with its reason.</summary>
    public IReadOnlyList<RejectedLap> RejectedLaps { get; init; } = [];

    /// <summary>Took the chequered flag (its final lap is in): later crossings do not count.</summary>
    public bool Finished { get; init; }
}
