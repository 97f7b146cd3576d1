namespace LapGate.Emulator.Race;

/// <summary>One controller's running tally inside <see cref="RaceEngine"/> (guarded by the engine's lock).</summary>
internal sealed class ControllerRecord(int id)
{
    private readonly HashSet<long> _seen = [];

    public int Id { get; } = id;

    public List<long> Crossings { get; } = [];

    public List<long> LapTimes { get; } = [];

    public long? BestLapMs { get; private set; }

    public int PitStops { get; set; }

    public bool InPit { get; set; }

    public bool IsActive => Crossings.Count > 0 || PitStops > 0 || InPit;

    public long? LastCrossing => Crossings.Count == 0 ? null : Crossings[^1];

    /// <summary>Classifies a crossing without changing anything.</summary>
    public LapResult Classify(long timestamp) =>
        _seen.Contains(timestamp) ? LapResult.Duplicate
        : Crossings.Count == 0 ? LapResult.FirstCrossing
        : timestamp < Crossings[^1] ? LapResult.OutOfOrder
        : LapResult.Counted;

    /// <summary>Adds a crossing already classified as first or counted; returns the lap time if one was completed.</summary>
    public long? Add(long timestamp)
    {
        long? lap = Crossings.Count == 0 ? null : timestamp - Crossings[^1];
        Crossings.Add(timestamp);
        _seen.Add(timestamp);
        if (lap is { } ms)
        {
            LapTimes.Add(ms);
            if (BestLapMs is null || ms < BestLapMs)
            {
                BestLapMs = ms;
            }
        }
        return lap;
    }
}
