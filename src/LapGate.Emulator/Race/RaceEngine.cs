using LapGate.Protocol.Messages;
using Microsoft.Extensions.Logging;

namespace LapGate.Emulator.Race;

/// <summary>
/// Counts laps and pit stops per controller and keeps the race state. Thread-safe. Every accepted
/// frame is stored before it shows in <see cref="Snapshot"/>, so a restart on the same database
/// shows the same standings.
/// Rules: a controller's first crossing is the reference; each later one completes a lap (the
/// difference of the timestamps). A crossing with a timestamp already seen for that controller is
/// an exact duplicate: ignored and counted. One older than the controller's last crossing is a
/// violation and not counted. A lap at or below the setup's minimum lap time, or above its maximum,
/// is rejected (see <see cref="RejectReasons"/>). Free practice (the default session) counts every crossing;
/// a qualifying or race counts crossings from its start until it ends (plus each car's lap in progress
/// when its time ran out), and rejects the others as before the start or after the finish.
/// </summary>
public sealed partial class RaceEngine : IDisposable
{
    /// <summary>Violations kept (newest).</summary>
    public const int MaxViolations = 100;

    private readonly Lock _lock = new();
    private readonly IRaceStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly UpdateControllerData _baseDrivers;
    private readonly bool _driversFromFile;
    private UpdateControllerData _drivers;
    private readonly SortedDictionary<int, ControllerRecord> _controllers = [];
    private readonly Queue<Violation> _violations = new();
    private long _session;
    private RaceState _state;
    private int _duplicates;
    private RaceTimeline _timeline;
    private ITimer? _finishTimer;

    /// <summary>
    /// Loads the current session from <paramref name="store"/> and replays it. <paramref name="drivers"/> is
    /// the built-in default, or a <c>--drivers</c> file when <paramref name="driversFromFile"/>: a file
    /// overrides the drivers managed in the database, the default does not.
    /// </summary>
    public RaceEngine(UpdateControllerData drivers, IRaceStore store, TimeProvider timeProvider, ILogger logger, bool driversFromFile = false)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _baseDrivers = drivers;
        _driversFromFile = driversFromFile;
        _store = store;
        var managed = store.LoadDrivers();
        _drivers = driversFromFile || managed.Count == 0 ? drivers : LapGate.Emulator.Tracks.DriversView.ToData(managed);
        _time = timeProvider;
        _logger = logger;
        var now = timeProvider.GetUtcNow();
        var current = store.LoadCurrent(now);
        _session = current.Id;
        _state = current.State;
        _timeline = current.Timeline;
        foreach (var e in current.Events)
        {
            if (RaceReplay.Apply(_controllers, e, _timeline.Setup))
            {
                _duplicates++;
            }
        }
        if (_state == RaceState.Starting)
        {
            // The countdown was cut by a restart: the race starts now.
            GoRunningLocked();
        }
        else if (_state == RaceState.Running)
        {
            // A timed race that ran out while the emulator was down ends now; otherwise its clock carries on.
            if (_timeline.EndsAt <= now)
            {
                EndLocked(FinishReasons.Time, WinnerLocked());
            }
            else
            {
                ArmFinishTimerLocked(now);
            }
        }
    }

    /// <summary>Raised after any change (lap, pit, duplicate, violation, state). Handlers run on the caller's thread, outside the lock.</summary>
    public event EventHandler? Changed;

    /// <summary>Raised after the state changed (before <see cref="Changed"/>).</summary>
    public event EventHandler<RaceState>? StateChanged;

    /// <summary>The drivers and cars sent in the handshake.</summary>
    public UpdateControllerData Drivers
    {
        get
        {
            lock (_lock)
            {
                return _drivers;
            }
        }
    }

    /// <summary>The current state.</summary>
    public RaceState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>Applies an <c>analog_lap</c> for controller 1..8; <paramref name="source"/> names the connection in a violation.</summary>
    public LapOutcome ApplyLap(int controllerId, long timestamp, string source = "api")
    {
        CheckId(controllerId);
        LapOutcome outcome;
        var finished = false;
        lock (_lock)
        {
            var record = Get(controllerId);
            var result = record.Classify(timestamp);
            long? lapMs = null;
            RejectedLap? rejection = null;
            if (result is LapResult.Counted or LapResult.FirstCrossing && NotCountedNowLocked(record) is { } notNow)
            {
                result = LapResult.Rejected;
                Store(new StoredEvent(notNow == RejectReasons.BeforeStart ? RaceEventKind.BeforeStart : RaceEventKind.AfterFinish, controllerId, timestamp));
                rejection = record.Reject(timestamp, notNow, 0);
            }
            else if (result == LapResult.Counted && _timeline.Setup.Reject(record.LapFrom(timestamp)) is { } broken)
            {
                result = LapResult.Rejected;
                Store(new StoredEvent(broken.Reason == RejectReasons.TooShort ? RaceEventKind.TooShort : RaceEventKind.TooLong, controllerId, timestamp));
                rejection = record.Reject(timestamp, broken.Reason, broken.LimitMs);
            }
            switch (result)
            {
                case LapResult.Duplicate:
                    Store(new StoredEvent(RaceEventKind.Duplicate, controllerId, timestamp));
                    _duplicates++;
                    break;
                case LapResult.OutOfOrder:
                    AddViolationLocked(source, ViolationKinds.LapOutOfOrder,
                        $"analog_lap controller {controllerId}: timestamp {timestamp} is older than its last crossing {record.Reference}; not counted");
                    break;
                case LapResult.Rejected:
                    break;
                default:
                    var final = result == LapResult.Counted && IsFinalLapLocked(record);
                    Store(new StoredEvent(final ? RaceEventKind.FinalLap : RaceEventKind.Lap, controllerId, timestamp));
                    lapMs = record.Add(timestamp);
                    record.Finished = final;
                    if (lapMs is { } completed)
                    {
                        OfferRecordLocked(controllerId, completed);
                    }
                    finished = lapMs is not null && FinishOnLapLocked(record);
                    break;
            }
            outcome = new LapOutcome(result, controllerId, timestamp, lapMs, record.LapTimes.Count, record.BestLapMs) { Rejection = rejection };
        }
        if (finished)
        {
            RaiseStateChanged(RaceState.Ended);
        }
        RaiseChanged();
        return outcome;
    }

    /// <summary>Applies an <c>analog_pit_enter</c>. Returns false when the car was already in the pit (not counted twice).</summary>
    public bool ApplyPitEnter(int controllerId)
    {
        CheckId(controllerId);
        bool counted;
        lock (_lock)
        {
            Store(new StoredEvent(RaceEventKind.PitEnter, controllerId, null));
            counted = PitEnter(Get(controllerId));
        }
        RaiseChanged();
        return counted;
    }

    /// <summary>Applies an <c>analog_pit_leave</c>. Returns false when the car was not in the pit.</summary>
    public bool ApplyPitLeave(int controllerId)
    {
        CheckId(controllerId);
        bool wasIn;
        lock (_lock)
        {
            Store(new StoredEvent(RaceEventKind.PitLeave, controllerId, null));
            var record = Get(controllerId);
            wasIn = record.InPit;
            record.InPit = false;
        }
        RaiseChanged();
        return wasIn;
    }

    /// <summary>Records a protocol violation (bounded list, newest <see cref="MaxViolations"/>).</summary>
    public Violation AddViolation(string connection, string kind, string message)
    {
        Violation violation;
        lock (_lock)
        {
            violation = AddViolationLocked(connection, kind, message);
        }
        RaiseChanged();
        return violation;
    }

    /// <summary>Stops the timer of a timed race.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            DisarmFinishTimerLocked();
        }
    }

    private static bool PitEnter(ControllerRecord record)
    {
        if (record.InPit)
        {
            return false;
        }
        record.InPit = true;
        record.PitStops++;
        return true;
    }

    private Violation AddViolationLocked(string connection, string kind, string message)
    {
        var violation = new Violation(_time.GetUtcNow(), connection, kind, message);
        _violations.Enqueue(violation);
        while (_violations.Count > MaxViolations)
        {
            _violations.Dequeue();
        }
        return violation;
    }

    private void Store(StoredEvent e)
    {
        try
        {
            _store.Append(_session, e, _time.GetUtcNow());
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            // The lap still counts in memory; it is the database that failed.
            _logger.LogError(ex, "Could not store {Kind} of controller {Controller} in the database", e.Kind, e.ControllerId);
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

    private void RaiseChanged()
    {
        try
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "A race change handler failed");
        }
    }

    private void RaiseStateChanged(RaceState state)
    {
        try
        {
            StateChanged?.Invoke(this, state);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "A race state handler failed");
        }
    }

    private static void CheckId(int controllerId) =>
        ArgumentOutOfRangeException.ThrowIfNotEqual(controllerId is >= 1 and <= 8, true, nameof(controllerId));
}
