using LapGate.Emulator.Logging;
using LapGate.Emulator.Tracks;
using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Race;

/// <summary>
/// The race as the rest of the emulator sees it: one thread-safe front over three parts that each do one
/// job under its lock: <see cref="LapCounter"/> (laps and pit stops), <see cref="RaceStateMachine"/>
/// (the session's state and finish) and the tracks and drivers (<see cref="TrackBook"/>,
/// <see cref="DriverRoster"/>). It raises <see cref="Changed"/> and <see cref="StateChanged"/> out of the lock.
/// Every accepted frame is stored before it shows in <see cref="Snapshot"/>, so a restart on the same
/// database shows the same standings.
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
    private readonly ILogger _logger;
    private readonly DriverRoster _drivers;
    private readonly TrackBook _tracks;
    private readonly LapCounter _laps;
    private readonly RaceStateMachine _race;

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
        _store = store;
        _logger = logger;
        _drivers = new DriverRoster(store, drivers, driversFromFile);
        _tracks = new TrackBook(store, timeProvider, logger);
        _laps = new LapCounter(store, timeProvider, logger);
        var now = timeProvider.GetUtcNow();
        var current = store.LoadCurrent(now);
        _laps.Replay(current.Events, current.Timeline.Setup);
        _race = new RaceStateMachine(current, store, timeProvider, logger, _laps, Fire);
        _race.CarryOn(now);
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
                return _drivers.Current;
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
                return _race.State;
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
            outcome = _laps.Lap(_race.Session, controllerId, timestamp, source, _race);
            if (outcome.LapMs is { } completed)
            {
                _tracks.OfferRecord(_race.Setup.TrackId, controllerId, completed, _drivers.Current, _race.Session);
                finished = _race.FinishOnLap(_laps[controllerId]);
            }
        }
        if (finished)
        {
            RaiseStateChanged(RaceState.Ended);
        }
        RaiseChanged();
        return outcome;
    }

    /// <summary>Applies an <c>analog_pit_enter</c>. Returns false when the car was already in the pit (not counted twice).</summary>
    public bool ApplyPitEnter(int controllerId) => ApplyPit(controllerId, _laps.PitEnter);

    /// <summary>Applies an <c>analog_pit_leave</c>. Returns false when the car was not in the pit.</summary>
    public bool ApplyPitLeave(int controllerId) => ApplyPit(controllerId, _laps.PitLeave);

    /// <summary>Records a protocol violation (bounded list, newest <see cref="MaxViolations"/>).</summary>
    public Violation AddViolation(string connection, string kind, string message)
    {
        Violation violation;
        lock (_lock)
        {
            violation = _laps.AddViolation(connection, kind, message);
        }
        RaiseChanged();
        return violation;
    }

    /// <summary>Stops the timer of a timed race.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _race.StopTimer();
        }
    }

    private bool ApplyPit(int controllerId, Func<long, int, bool> pit)
    {
        CheckId(controllerId);
        bool result;
        lock (_lock)
        {
            result = pit(_race.Session, controllerId);
        }
        RaiseChanged();
        return result;
    }

    /// <summary>A timer's step of the state machine: run under the lock, then the state it reached is raised.</summary>
    private void Fire(Func<RaceState?> step)
    {
        RaceState? reached;
        lock (_lock)
        {
            reached = step();
        }
        if (reached is { } state)
        {
            RaiseStateChanged(state);
            RaiseChanged();
        }
    }

    private void RaiseChanged()
    {
        try
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            EmulatorLog.ChangeHandlerFailed(_logger, ex);
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
            EmulatorLog.StateHandlerFailed(_logger, ex);
        }
    }

    private static void CheckId(int controllerId) =>
        ArgumentOutOfRangeException.ThrowIfNotEqual(controllerId is >= 1 and <= 8, true, nameof(controllerId));
}
