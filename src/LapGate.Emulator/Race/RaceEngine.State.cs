using Microsoft.Extensions.Logging;

namespace LapGate.Emulator.Race;

// Race state commands: setup, start, stop, reset, and the finish (laps reached, time up).
public sealed partial class RaceEngine
{
    /// <summary>Sets how the race finishes; only while idle (refused while running or ended: reset first).</summary>
    public RaceCommandResult Setup(RaceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(setup));
        }
        lock (_lock)
        {
            if (_state != RaceState.Idle)
            {
                return new RaceCommandResult(false, false, _state, "a race can be set up only while idle; reset first");
            }
            _timeline = new RaceTimeline(setup);
            SaveTimelineLocked();
        }
        RaiseChanged();
        return new RaceCommandResult(true, true, RaceState.Idle);
    }

    /// <summary>idle → running (accepted and unchanged when already running; refused when ended: reset first).</summary>
    public RaceCommandResult Start()
    {
        lock (_lock)
        {
            if (_state == RaceState.Running)
            {
                return new RaceCommandResult(true, false, _state);
            }
            if (_state != RaceState.Idle)
            {
                return new RaceCommandResult(false, false, _state, "the race has ended; reset it before starting a new one");
            }
            var now = _time.GetUtcNow();
            _store.SetState(_session, RaceState.Running, now);
            _state = RaceState.Running;
            _timeline = _timeline with { StartedAt = now };
            SaveTimelineLocked();
            ArmFinishTimerLocked(now);
        }
        RaiseStateChanged(RaceState.Running);
        RaiseChanged();
        return new RaceCommandResult(true, true, RaceState.Running);
    }

    /// <summary>running → ended, the leader shown as winner (accepted and unchanged when already ended; refused when idle).</summary>
    public RaceCommandResult Stop()
    {
        lock (_lock)
        {
            if (_state == RaceState.Ended)
            {
                return new RaceCommandResult(true, false, _state);
            }
            if (_state != RaceState.Running)
            {
                return new RaceCommandResult(false, false, _state, "no race is running");
            }
            EndLocked(FinishReasons.Stopped, RaceStandings.LeaderId(_controllers.Values));
        }
        RaiseStateChanged(RaceState.Ended);
        RaiseChanged();
        return new RaceCommandResult(true, true, RaceState.Ended);
    }

    /// <summary>Any state → idle with empty standings, in a new session with the same setup (the old one stays in the database).</summary>
    public RaceCommandResult Reset()
    {
        lock (_lock)
        {
            DisarmFinishTimerLocked();
            _session = _store.NewSession(_time.GetUtcNow());
            _state = RaceState.Idle;
            _timeline = new RaceTimeline(_timeline.Setup);
            SaveTimelineLocked();
            _controllers.Clear();
            _duplicates = 0;
            _violations.Clear();
        }
        RaiseStateChanged(RaceState.Idle);
        RaiseChanged();
        return new RaceCommandResult(true, true, RaceState.Idle);
    }

    /// <summary>After a counted lap (under the lock): ends a laps race when this controller reached the count.</summary>
    private bool FinishOnLapLocked(ControllerRecord record)
    {
        if (_state != RaceState.Running || _timeline.Setup.Mode != RaceModes.Laps || record.LapTimes.Count < _timeline.Setup.Laps)
        {
            return false;
        }
        EndLocked(FinishReasons.Laps, record.Id);
        return true;
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
            EndLocked(FinishReasons.Time, RaceStandings.LeaderId(_controllers.Values));
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
