namespace LapGate.Emulator.Race;

/// <summary>One controller's running tally inside <see cref="RaceEngine"/> (guarded by the engine's lock).</summary>
/// <param name="id">Controller 1..8.</param>
/// <param name="keepRejected">Rejected laps kept (the newest); a session's results keep them all.</param>
internal sealed class ControllerRecord(int id, int keepRejected = ControllerRecord.MaxRejectedKept)
{
    /// <summary>Rejected laps kept per controller (newest); <see cref="RejectedCount"/> counts them all.</summary>
    public const int MaxRejectedKept = 20;

    private readonly HashSet<long> _seen = [];
    private readonly Queue<RejectedLap> _rejected = new();

    public int Id { get; } = id;

    /// <summary>The counted crossings: the first (reference) and the end of each counted lap.</summary>
    public List<long> Crossings { get; } = [];

    public List<long> LapTimes { get; } = [];

    public long? BestLapMs { get; private set; }

    public int PitStops { get; set; }

    public bool InPit { get; set; }

    /// <summary>Took the chequered flag: later crossings do not count.</summary>
    public bool Finished { get; set; }

    /// <summary>Where the next lap is measured from: the last counted crossing, or a later too-long one.</summary>
    public long? Reference { get; private set; }

    public int RejectedCount { get; private set; }

    public IReadOnlyCollection<RejectedLap> Rejected => _rejected;

    /// <summary>It reported something: a crossing (counted or rejected), a pit stop. Such a controller is always listed.</summary>
    public bool IsActive => Reference is not null || PitStops > 0 || InPit || RejectedCount > 0;

    public long? LastCrossing => Crossings.Count == 0 ? null : Crossings[^1];

    /// <summary>Classifies a crossing without changing anything (lap time limits are the engine's job).</summary>
    public LapResult Classify(long timestamp) =>
        _seen.Contains(timestamp) ? LapResult.Duplicate
        : Reference is not { } reference ? LapResult.FirstCrossing
        : timestamp < reference ? LapResult.OutOfOrder
        : LapResult.Counted;

    /// <summary>The lap a crossing classified as counted would complete.</summary>
    public long LapFrom(long timestamp) => timestamp - (Reference ?? timestamp);

    /// <summary>Adds a crossing already classified as first or counted; returns the lap time if one was completed.</summary>
    public long? Add(long timestamp)
    {
        long? lap = Reference is { } reference ? timestamp - reference : null;
        Crossings.Add(timestamp);
        _seen.Add(timestamp);
        Reference = timestamp;
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

    /// <summary>
    /// Records a crossing whose lap broke a limit. Too short: ignored, the reference stays. Too long:
    /// the crossing becomes the reference for the next lap.
    /// </summary>
    public RejectedLap Reject(long timestamp, string reason, long limitMs)
    {
        var rejected = new RejectedLap(timestamp, LapFrom(timestamp), reason, limitMs);
        _seen.Add(timestamp);
        if (reason == RejectReasons.TooLong)
        {
            Reference = timestamp;
        }
        RejectedCount++;
        _rejected.Enqueue(rejected);
        while (_rejected.Count > keepRejected)
        {
            _rejected.Dequeue();
        }
        return rejected;
    }
}
