using Microsoft.Extensions.Logging;

namespace LapGate.Emulator.Race;

// Race state commands: setup, start, stop, reset, and the finish (laps reached, time up).
public sealed partial class RaceEngine
{
    private const string PracticeRefusal = "free practice runs until another session is set up; it cannot be started or ended";

    /// <summary>
    /// Sets the session type and how it finishes: while idle (free practice, or a qualifying or race not
    /// started yet) or ended (leaving the results for the next session); refused while a session runs
    /// (stop it first). Switching between free practice and a qualifying or race, or setting up after an
    /// end, starts a new session, so practice laps never end up in a qualifying's or race's results.
    /// Setting up <see cref="RaceSetup.Practice"/> is going back to free practice.
    /// </summary>
    public RaceCommandResult Setup(RaceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(setup));
        }
        var wasEnded = false;
        lock (_lock)
        {
            if (_state is not (RaceState.Idle or RaceState.Ended))
            {
                return new RaceCommandResult(false, false, _state, "a session is running; stop it before setting up another");
            }
            if (MissingTrackLocked(setup) is { } missing)
            {
                return new RaceCommandResult(false, false, _state, missing);
            }
            wasEnded = _state == RaceState.Ended;
            if (wasEnded || setup.IsPractice != _timeline.Setup.IsPractice)
            {
                NewSessionLocked();
            }
            _timeline = new RaceTimeline(setup);
            SaveTimelineLocked();
        }
        if (wasEnded)
        {
            RaiseStateChanged(RaceState.Idle);
        }
        RaiseChanged();
        return new RaceCommandResult(true, true, RaceState.Idle);
    }

    /// <summary>idle → running, or suspended → running as <see cref="Resume"/> (accepted and unchanged when already running; refused when ended: reset first).</summary>
    public RaceCommandResult Start()
    {
        if (State == RaceState.Suspended)
        {
            return Resume();
        }
        RaceState started;
        lock (_lock)
        {
            if (_timeline.Setup.IsPractice)
            {
                return new RaceCommandResult(false, false, _state, PracticeRefusal);
            }
            if (_state is RaceState.Running or RaceState.Starting)
            {
                return new RaceCommandResult(true, false, _state);
            }
            if (_state == RaceState.Suspended)
            {
                return new RaceCommandResult(false, false, _state, "the race is suspended; resume it");
            }
            if (_state != RaceState.Idle)
            {
                return new RaceCommandResult(false, false, _state, "the race has ended; reset it before starting a new one");
            }
            if (_timeline.Setup.CountdownMs is > 0 and var countdown)
            {
                _store.SetState(_session, RaceState.Starting, _time.GetUtcNow());
                _state = RaceState.Starting;
                DisarmFinishTimerLocked();
                _finishTimer = _time.CreateTimer(OnCountdownDone, _session, TimeSpan.FromMilliseconds(countdown), Timeout.InfiniteTimeSpan);
            }
            else
            {
                GoRunningLocked();
            }
            started = _state;
        }
        RaiseStateChanged(started);
        RaiseChanged();
        return new RaceCommandResult(true, true, started);
    }

    private void GoRunningLocked()
    {
        var now = _time.GetUtcNow();
        _store.SetState(_session, RaceState.Running, now);
        _state = RaceState.Running;
        _timeline = _timeline with { StartedAt = now };
        SaveTimelineLocked();
        ArmFinishTimerLocked(now);
    }

    private void OnCountdownDone(object? session)
    {
        lock (_lock)
        {
            if (_state != RaceState.Starting || session is not long id || id != _session)
            {
                return;
            }
            GoRunningLocked();
        }
        RaiseStateChanged(RaceState.Running);
        RaiseChanged();
    }

    /// <summary>
    /// running → suspended: laps still count, a timed race's clock stops, nobody can win until it
    /// resumes (accepted and unchanged when already suspended; refused otherwise).
    /// </summary>
    public RaceCommandResult Suspend()
    {
        lock (_lock)
        {
            if (_state == RaceState.Suspended)
            {
                return new RaceCommandResult(true, false, _state);
            }
            if (_state != RaceState.Running)
            {
                return new RaceCommandResult(false, false, _state, "only a running race can be suspended");
            }
            var now = _time.GetUtcNow();
            DisarmFinishTimerLocked();
            _store.SetState(_session, RaceState.Suspended, now);
            _state = RaceState.Suspended;
            _timeline = _timeline with { SuspendedAt = now };
            SaveTimelineLocked();
        }
        RaiseStateChanged(RaceState.Suspended);
        RaiseChanged();
        return new RaceCommandResult(true, true, RaceState.Suspended);
    }

    /// <summary>
    /// suspended → running; a timed race's end moves by the suspension. A car that reached the lap
    /// count while suspended wins now (accepted and unchanged when running; refused otherwise).
    /// </summary>
    public RaceCommandResult Resume()
    {
        RaceState after;
        lock (_lock)
        {
            if (_state == RaceState.Running)
            {
                return new RaceCommandResult(true, false, _state);
            }
            if (_state != RaceState.Suspended)
            {
                return new RaceCommandResult(false, false, _state, "only a suspended race can be resumed");
            }
            ResumeLocked();
            after = _state;
        }
        if (after == RaceState.Ended)
        {
            RaiseStateChanged(RaceState.Running);
        }
        RaiseStateChanged(after);
        RaiseChanged();
        return new RaceCommandResult(true, true, after);
    }

    private void ResumeLocked()
    {
        var now = _time.GetUtcNow();
        var suspended = _timeline.SuspendedAt is { } at ? (long)(now - at).TotalMilliseconds : 0;
        _store.SetState(_session, RaceState.Running, now);
        _state = RaceState.Running;
        _timeline = _timeline with { SuspendedAt = null, SuspendedMs = _timeline.SuspendedMs + Math.Max(0, suspended) };
        SaveTimelineLocked();
        var setup = _timeline.Setup;
        if (setup.Mode == RaceModes.Laps && !setup.IsQualifying
            && RaceStandings.LeaderId(_controllers.Values) is { } leader && _controllers[leader].LapTimes.Count >= setup.Laps)
        {
            EndLocked(FinishReasons.Laps, leader);
            return;
        }
        ArmFinishTimerLocked(now);
    }

    /// <summary>running or suspended → ended, the leader shown as winner; starting → idle (the countdown is called off) (accepted and unchanged when already ended; refused when idle).</summary>
    public RaceCommandResult Stop()
    {
        var aborted = false;
        lock (_lock)
        {
            if (_timeline.Setup.IsPractice)
            {
                return new RaceCommandResult(false, false, _state, PracticeRefusal);
            }
            if (_state == RaceState.Starting)
            {
                // Stopped during the countdown: not started after all.
                DisarmFinishTimerLocked();
                _store.SetState(_session, RaceState.Idle, _time.GetUtcNow());
                _state = RaceState.Idle;
                aborted = true;
            }
            else
            {
                if (_state == RaceState.Ended)
                {
                    return new RaceCommandResult(true, false, _state);
                }
                if (_state is not (RaceState.Running or RaceState.Suspended))
                {
                    return new RaceCommandResult(false, false, _state, "no race is running");
                }
                EndLocked(FinishReasons.Stopped, WinnerLocked());
            }
        }
        var after = aborted ? RaceState.Idle : RaceState.Ended;
        RaiseStateChanged(after);
        RaiseChanged();
        return new RaceCommandResult(true, true, after);
    }

    /// <summary>Any state → idle with empty standings, in a new session with the same setup (the old one stays in the database).</summary>
    public RaceCommandResult Reset()
    {
        lock (_lock)
        {
            NewSessionLocked();
            _timeline = new RaceTimeline(_timeline.Setup);
            SaveTimelineLocked();
        }
        RaiseStateChanged(RaceState.Idle);
        RaiseChanged();
        return new RaceCommandResult(true, true, RaceState.Idle);
    }

    /// <summary>
    /// Why a crossing that would count is not counted in this state (under the lock), or null when it
    /// counts: before a qualifying or race started (set up, or in its countdown), after the car's final lap,
    /// or after the session ended: when it ran out of time or a car reached the lap count, each car's lap in
    /// progress still finishes (the chequered flag is shown to all); when stopped by hand, nothing more counts.
    /// </summary>
    private string? NotCountedNowLocked(ControllerRecord record)
    {
        if (record.Finished)
        {
            return RejectReasons.AfterFinish;
        }
        return _state switch
        {
            RaceState.Idle when !_timeline.Setup.IsPractice => RejectReasons.BeforeStart,
            RaceState.Starting => RejectReasons.BeforeStart,
            RaceState.Ended when _timeline.FinishReason == FinishReasons.Stopped || record.Reference is null
                || (_timeline.FinishReason == FinishReasons.Laps && record.Id == _timeline.WinnerId) => RejectReasons.AfterFinish,
            _ => null,
        };
    }

    /// <summary>
    /// Whether the lap this crossing completes is the car's last (under the lock): after a timed
    /// session's time ran out, or after the winner of a race by laps took the flag, each other car's lap
    /// in progress is its final one; in a qualifying by laps,
    /// the lap that reaches the count while running.
    /// </summary>
    private bool IsFinalLapLocked(ControllerRecord record)
    {
        var setup = _timeline.Setup;
        if (_state == RaceState.Ended && _timeline.FinishReason is FinishReasons.Time or FinishReasons.Laps)
        {
            return true;
        }
        return _state == RaceState.Running && setup.IsQualifying && setup.Mode == RaceModes.Laps && record.LapTimes.Count + 1 >= setup.Laps;
    }

    /// <summary>
    /// After a counted lap (under the lock): a race by laps ends when this controller reached the count;
    /// a qualifying by laps when every controller that crossed has. A final lap after the time ran out
    /// may change the winner (saved). Returns true when the race ended now.
    /// </summary>
    private bool FinishOnLapLocked(ControllerRecord record)
    {
        var setup = _timeline.Setup;
        if (_state == RaceState.Ended && record.Finished && _timeline.FinishReason == FinishReasons.Time)
        {
            _timeline = _timeline with { WinnerId = WinnerLocked() };
            SaveTimelineLocked();
            return false;
        }
        if (_state != RaceState.Running || setup.Mode != RaceModes.Laps || record.LapTimes.Count < setup.Laps)
        {
            return false;
        }
        if (setup.IsQualifying)
        {
            if (_controllers.Values.Any(c => c.Reference is not null && !c.Finished))
            {
                return false;
            }
            EndLocked(FinishReasons.Laps, WinnerLocked());
            return true;
        }
        EndLocked(FinishReasons.Laps, record.Id);
        return true;
    }

    /// <summary>The winner now: the fastest single lap in a qualifying, else the leader.</summary>
    private int? WinnerLocked() => _timeline.Setup.IsQualifying
        ? RaceStandings.FastestId(_controllers.Values)
        : RaceStandings.LeaderId(_controllers.Values);

    private void NewSessionLocked()
    {
        DisarmFinishTimerLocked();
        _session = _store.NewSession(_time.GetUtcNow());
        _state = RaceState.Idle;
        _controllers.Clear();
        _duplicates = 0;
        _violations.Clear();
    }

    private void EndLocked(string reason, int? winner)
    {
        DisarmFinishTimerLocked();
        var now = _time.GetUtcNow();
        _store.SetState(_session, RaceState.Ended, now);
        _state = RaceState.Ended;
        _timeline = _timeline with { EndedAt = now, FinishReason = reason, WinnerId = winner };
        SaveTimelineLocked();
    }

    private void ArmFinishTimerLocked(DateTimeOffset now)
    {
        DisarmFinishTimerLocked();
        if (_timeline.EndsAt is { } endsAt)
        {
            var due = endsAt - now;
            _finishTimer = _time.CreateTimer(OnTimeUp, _session, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private void DisarmFinishTimerLocked()
    {
        _finishTimer?.Dispose();
        _finishTimer = null;
    }

    private void OnTimeUp(object? session)
    {
        lock (_lock)
        {
            if (_state != RaceState.Running || session is not long id || id != _session)
            {
                return;
            }
            EndLocked(FinishReasons.Time, WinnerLocked());
        }
        RaiseStateChanged(RaceState.Ended);
        RaiseChanged();
    }

    private void SaveTimelineLocked()
    {
        try
        {
            _store.SaveTimeline(_session, _timeline);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            _logger.LogError(ex, "Could not store the race setup of session {Session}", _session);
        }
    }
}
