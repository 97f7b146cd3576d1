using LapGate.Emulator.Logging;
using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Race;

/// <summary>
/// Lap counting in one session: each controller's crossings, laps and pit stops, the exact duplicates
/// ignored and the newest violations. Every accepted frame is stored before it counts. Which crossings
/// count in the race's state now, the <see cref="ILapRules"/> say. Not thread-safe: the engine calls it under its lock.
/// </summary>
internal sealed class LapCounter(IRaceStore store, TimeProvider timeProvider, ILogger logger)
{
    private readonly SortedDictionary<int, ControllerRecord> _controllers = [];
    private readonly Queue<Violation> _violations = new();
    private int _duplicates;

    /// <summary>The controllers that sent something, by id.</summary>
    public IReadOnlyCollection<ControllerRecord> Records => _controllers.Values;

    /// <summary>A controller that sent something.</summary>
    public ControllerRecord this[int controllerId] => _controllers[controllerId];

    /// <summary>Rebuilds the tallies from a session's stored events (at start-up).</summary>
    public void Replay(IEnumerable<StoredEvent> events, RaceSetup setup)
    {
        foreach (var e in events)
        {
            if (RaceReplay.Apply(_controllers, e, setup))
            {
                _duplicates++;
            }
        }
    }

    /// <summary>Counts, rejects or ignores an <c>analog_lap</c>; <paramref name="source"/> names the connection in a violation.</summary>
    public LapOutcome Lap(long session, int controllerId, long timestamp, string source, ILapRules rules)
    {
        var record = Get(controllerId);
        var result = record.Classify(timestamp);
        long? lapMs = null;
        RejectedLap? rejection = null;
        if (result is LapResult.Counted or LapResult.FirstCrossing && rules.NotCountedNow(record) is { } notNow)
        {
            result = LapResult.Rejected;
            Store(session, new StoredEvent(notNow == RejectReasons.BeforeStart ? RaceEventKind.BeforeStart : RaceEventKind.AfterFinish, controllerId, timestamp));
            rejection = record.Reject(timestamp, notNow, 0);
        }
        else if (result == LapResult.Counted && rules.Setup.Reject(record.LapFrom(timestamp)) is { } broken)
        {
            result = LapResult.Rejected;
            Store(session, new StoredEvent(broken.Reason == RejectReasons.TooShort ? RaceEventKind.TooShort : RaceEventKind.TooLong, controllerId, timestamp));
            rejection = record.Reject(timestamp, broken.Reason, broken.LimitMs);
        }
        switch (result)
        {
            case LapResult.Duplicate:
                Store(session, new StoredEvent(RaceEventKind.Duplicate, controllerId, timestamp));
                _duplicates++;
                break;
            case LapResult.OutOfOrder:
                AddViolation(source, ViolationKinds.LapOutOfOrder,
                    $"analog_lap controller {controllerId}: timestamp {timestamp} is older than its last crossing {record.Reference}; not counted");
                break;
            case LapResult.Rejected:
                break;
            default:
                var final = result == LapResult.Counted && rules.IsFinalLap(record);
                Store(session, new StoredEvent(final ? RaceEventKind.FinalLap : RaceEventKind.Lap, controllerId, timestamp));
                lapMs = record.Add(timestamp);
                record.Finished = final;
                break;
        }
        return new LapOutcome(result, controllerId, timestamp, lapMs, record.LapTimes.Count, record.BestLapMs) { Rejection = rejection };
    }

    /// <summary>Counts an <c>analog_pit_enter</c>; false when the car was already in the pit (not counted twice).</summary>
    public bool PitEnter(long session, int controllerId)
    {
        Store(session, new StoredEvent(RaceEventKind.PitEnter, controllerId, null));
        var record = Get(controllerId);
        if (record.InPit)
        {
            return false;
        }
        record.InPit = true;
        record.PitStops++;
        return true;
    }

    /// <summary>Counts an <c>analog_pit_leave</c>; false when the car was not in the pit.</summary>
    public bool PitLeave(long session, int controllerId)
    {
        Store(session, new StoredEvent(RaceEventKind.PitLeave, controllerId, null));
        var record = Get(controllerId);
        var wasIn = record.InPit;
        record.InPit = false;
        return wasIn;
    }

    /// <summary>Records a protocol violation (bounded list, newest <see cref="RaceEngine.MaxViolations"/>).</summary>
    public Violation AddViolation(string connection, string kind, string message)
    {
        var violation = new Violation(timeProvider.GetUtcNow(), connection, kind, message);
        _violations.Enqueue(violation);
        while (_violations.Count > RaceEngine.MaxViolations)
        {
            _violations.Dequeue();
        }
        return violation;
    }

    /// <summary>Forgets every tally (a new session).</summary>
    public void Clear()
    {
        _controllers.Clear();
        _duplicates = 0;
        _violations.Clear();
    }

    /// <summary>The standings now, with the duplicates and violations, as the race's snapshot before its clock.</summary>
    public RaceSnapshot Standings(RaceState state, long session, UpdateControllerData drivers, bool qualifying) =>
        RaceStandings.Build(state, session, _controllers.Values, drivers, _duplicates, [.. _violations], qualifying);

    private void Store(long session, StoredEvent e)
    {
        try
        {
            store.Append(session, e, timeProvider.GetUtcNow());
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            // The lap still counts in memory; it is the database that failed.
            EmulatorLog.EventNotStored(logger, ex, e.Kind.ToString(), e.ControllerId);
        }
    }

    private ControllerRecord Get(int id)
    {
        if (!_controllers.TryGetValue(id, out var record))
        {
            record = new ControllerRecord(id);
            _controllers.Add(id, record);
        }
        return record;
    }
}
