using LapGate.Emulator.Tracks;

namespace LapGate.Emulator.Race;

/// <summary>
/// The race state machine of the current session: set up, start (through a countdown), suspend, resume,
/// stop and reset, and the finish (laps reached, time up), each stored with the session. It reads the
/// <see cref="LapCounter"/> for the leader and clears it for a new session. Not thread-safe: the engine
/// calls it under its lock; a timer runs its step through <c>fire</c>, which takes that lock and raises
/// the state it returns.
/// </summary>
internal sealed partial class RaceStateMachine : ILapRules
{
    private const string PracticeRefusal = "free practice runs until another session is set up; it cannot be started or ended";

    private readonly IRaceStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly LapCounter _laps;
    private readonly Action<Func<RaceState?>> _fire;
    private long _session;
    private RaceState _state;
    private RaceTimeline _timeline;
    private ITimer? _finishTimer;

    /// <summary>Takes over <paramref name="current"/> (its events replayed into <paramref name="laps"/> already); <see cref="CarryOn"/> then restarts its clock.</summary>
    public RaceStateMachine(StoredSession current, IRaceStore store, TimeProvider timeProvider, ILogger logger, LapCounter laps, Action<Func<RaceState?>> fire)
    {
        _store = store;
        _time = timeProvider;
        _logger = logger;
        _laps = laps;
        _fire = fire;
        _session = current.Id;
        _state = current.State;
        _timeline = current.Timeline;
    }

    public long Session => _session;

    public RaceState State => _state;

    public RaceSetup Setup => _timeline.Setup;

    /// <summary>
    /// After a restart at <paramref name="now"/>: a countdown that was cut starts the race now; a timed race
    /// that ran out while the emulator was down ends now, otherwise its clock carries on.
    /// </summary>
    public void CarryOn(DateTimeOffset now)
    {
        if (_state == RaceState.Starting)
        {
            GoRunning();
        }
        else if (_state == RaceState.Running)
        {
            if (_timeline.EndsAt <= now)
            {
                End(FinishReasons.Time, Winner());
            }
            else
            {
                ArmFinishTimer(now);
            }
        }
    }

    /// <summary>See <see cref="RaceEngine.Setup"/>; <paramref name="missingTrack"/> says why the setup's track cannot be used.</summary>
    public RaceTransition SetUp(RaceSetup setup, Func<RaceSetup, string?> missingTrack)
    {
        if (_state is not (RaceState.Idle or RaceState.Ended))
        {
            return Refused("a session is running; stop it before setting up another");
        }
        if (missingTrack(setup) is { } missing)
        {
            return Refused(missing);
        }
        var wasEnded = _state == RaceState.Ended;
        if (wasEnded || setup.IsPractice != _timeline.Setup.IsPractice)
        {
            NewSession();
        }
        _timeline = new RaceTimeline(setup);
        SaveTimeline();
        var result = new RaceCommandResult(true, true, RaceState.Idle);
        return wasEnded ? new RaceTransition(result, RaceState.Idle) : new RaceTransition(result);
    }

    /// <summary>See <see cref="RaceEngine.Start"/> (a suspended race is resumed there).</summary>
    public RaceTransition Start()
    {
        if (_timeline.Setup.IsPractice)
        {
            return Refused(PracticeRefusal);
        }
        if (_state is RaceState.Running or RaceState.Starting)
        {
            return Unchanged();
        }
        if (_state == RaceState.Suspended)
        {
            return Refused("the race is suspended; resume it");
        }
        if (_state != RaceState.Idle)
        {
            return Refused("the race has ended; reset it before starting a new one");
        }
        if (_timeline.Setup.CountdownMs is > 0 and var countdown)
        {
            _store.SetState(_session, RaceState.Starting, _time.GetUtcNow());
            _state = RaceState.Starting;
            DisarmFinishTimer();
            _finishTimer = _time.CreateTimer(s => _fire(() => CountdownDone(s)), _session, TimeSpan.FromMilliseconds(countdown), Timeout.InfiniteTimeSpan);
        }
        else
        {
            GoRunning();
        }
        return Entered(_state);
    }

    /// <summary>See <see cref="RaceEngine.Suspend"/>.</summary>
    public RaceTransition Suspend()
    {
        if (Precheck(RaceState.Running, RaceState.Suspended, "only a running race can be suspended") is { } early)
        {
            return early;
        }
        var now = _time.GetUtcNow();
        DisarmFinishTimer();
        Enter(RaceState.Suspended, now, _timeline with { SuspendedAt = now });
        return Entered(RaceState.Suspended);
    }

    /// <summary>See <see cref="RaceEngine.Resume"/>.</summary>
    public RaceTransition Resume()
    {
        if (Precheck(RaceState.Suspended, RaceState.Running, "only a suspended race can be resumed") is { } early)
        {
            return early;
        }
        var now = _time.GetUtcNow();
        var suspended = _timeline.SuspendedAt is { } at ? (long)(now - at).TotalMilliseconds : 0;
        Enter(RaceState.Running, now, _timeline with { SuspendedAt = null, SuspendedMs = _timeline.SuspendedMs + Math.Max(0, suspended) });
        var setup = _timeline.Setup;
        if (setup.Mode == RaceModes.Laps && !setup.IsQualifying
            && RaceStandings.LeaderId(_laps.Records) is { } leader && _laps[leader].LapTimes.Count >= setup.Laps)
        {
            // A car reached the lap count while suspended: it wins as the race resumes.
            End(FinishReasons.Laps, leader);
            return new RaceTransition(new RaceCommandResult(true, true, RaceState.Ended), RaceState.Running, RaceState.Ended);
        }
        ArmFinishTimer(now);
        return Entered(RaceState.Running);
    }

    /// <summary>See <see cref="RaceEngine.Stop"/>.</summary>
    public RaceTransition Stop()
    {
        if (_timeline.Setup.IsPractice)
        {
            return Refused(PracticeRefusal);
        }
        if (_state == RaceState.Starting)
        {
            // Stopped during the countdown: not started after all.
            DisarmFinishTimer();
            _store.SetState(_session, RaceState.Idle, _time.GetUtcNow());
            _state = RaceState.Idle;
            return Entered(RaceState.Idle);
        }
        if (_state == RaceState.Ended)
        {
            return Unchanged();
        }
        if (_state is not (RaceState.Running or RaceState.Suspended))
        {
            return Refused("no race is running");
        }
        End(FinishReasons.Stopped, Winner());
        return Entered(RaceState.Ended);
    }

    /// <summary>See <see cref="RaceEngine.Reset"/>.</summary>
    public RaceTransition Reset()
    {
        NewSession();
        _timeline = new RaceTimeline(_timeline.Setup);
        SaveTimeline();
        return Entered(RaceState.Idle);
    }

    /// <summary>Why <paramref name="track"/> cannot be deleted now: the current session is set up on it; null when it can.</summary>
    public string? TrackInUse(Track track) => _timeline.Setup.TrackId != track.Id ? null
        : $"\"{track.Name}\" is the track of the current session (#{_session}): set up the session on another track or none first"
            + (_state is RaceState.Idle or RaceState.Ended ? "" : " (stop it first: a session can be set up only while idle or ended)");

    /// <summary><paramref name="standings"/> with the race's setup and clock now.</summary>
    public RaceSnapshot WithClock(RaceSnapshot standings)
    {
        var now = _time.GetUtcNow();
        var endsAt = _timeline.EndsAt;
        if (_state == RaceState.Suspended && _timeline.SuspendedAt is { } suspendedAt && endsAt is { } plannedEnd)
        {
            // The clock stands still: the end moves with every moment of the suspension.
            endsAt = plannedEnd + (now - suspendedAt);
        }
        long? remaining = _timeline.Setup.DurationMs is not { } duration ? null
            : _state is RaceState.Running or RaceState.Suspended && endsAt is { } end ? Math.Max(0, (long)(end - now).TotalMilliseconds)
            : _state == RaceState.Ended ? 0
            : duration;
        return standings with
        {
            Setup = _timeline.Setup,
            StartedAt = _timeline.StartedAt,
            EndsAt = endsAt,
            SuspendedAt = _timeline.SuspendedAt,
            RemainingMs = remaining,
            EndedAt = _timeline.EndedAt,
            FinishReason = _timeline.FinishReason,
            WinnerId = _timeline.WinnerId,
        };
    }

    /// <summary>Stops the timer of a countdown or a timed race (the engine is disposed).</summary>
    public void StopTimer() => DisarmFinishTimer();

    /// <summary>
    /// Before a move from <paramref name="from"/> to <paramref name="to"/>: accepted and unchanged when there already,
    /// refused with <paramref name="refusal"/> when not in <paramref name="from"/>; null to go ahead.
    /// </summary>
    private RaceTransition? Precheck(RaceState from, RaceState to, string refusal) =>
        _state == to ? Unchanged() : _state != from ? Refused(refusal) : null;

    private RaceTransition Refused(string why) => new(new RaceCommandResult(false, false, _state, why));

    private RaceTransition Unchanged() => new(new RaceCommandResult(true, false, _state));

    private static RaceTransition Entered(RaceState state) => new(new RaceCommandResult(true, true, state), state);
}
