using LapGate.Emulator.Logging;

namespace LapGate.Emulator.Race;

// Which crossings count in each state, how a session finishes (laps reached, time up), and its timers.
internal sealed partial class RaceStateMachine
{
    /// <summary>
    /// Why a crossing that would count is not counted in this state, or null when it counts: before a
    /// qualifying or race started (set up, or in its countdown), after the car's final lap, or after the
    /// session ended: when it ran out of time or a car reached the lap count, each car's lap in progress
    /// still finishes (the chequered flag is shown to all); when stopped by hand, nothing more counts.
    /// </summary>
    public string? NotCountedNow(ControllerRecord record)
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
    /// Whether the lap this crossing completes is the car's last: after a timed session's time ran out, or
    /// after the winner of a race by laps took the flag, each other car's lap in progress is its final one;
    /// in a qualifying by laps, the lap that reaches the count while running.
    /// </summary>
    public bool IsFinalLap(ControllerRecord record)
    {
        var setup = _timeline.Setup;
        if (_state == RaceState.Ended && _timeline.FinishReason is FinishReasons.Time or FinishReasons.Laps)
        {
            return true;
        }
        return _state == RaceState.Running && setup.IsQualifying && setup.Mode == RaceModes.Laps && record.LapTimes.Count + 1 >= setup.Laps;
    }

    /// <summary>
    /// After a counted lap: a race by laps ends when this controller reached the count; a qualifying by
    /// laps when every controller that crossed has. A final lap after the time ran out may change the
    /// winner (saved). Returns true when the race ended now.
    /// </summary>
    public bool FinishOnLap(ControllerRecord record)
    {
        var setup = _timeline.Setup;
        if (_state == RaceState.Ended && record.Finished && _timeline.FinishReason == FinishReasons.Time)
        {
            _timeline = _timeline with { WinnerId = Winner() };
            SaveTimeline();
            return false;
        }
        if (_state != RaceState.Running || setup.Mode != RaceModes.Laps || record.LapTimes.Count < setup.Laps)
        {
            return false;
        }
        if (setup.IsQualifying)
        {
            if (_laps.Records.Any(c => c.Reference is not null && !c.Finished))
            {
                return false;
            }
            End(FinishReasons.Laps, Winner());
            return true;
        }
        End(FinishReasons.Laps, record.Id);
        return true;
    }

    /// <summary>The winner now: the fastest single lap in a qualifying, else the leader.</summary>
    private int? Winner() => _timeline.Setup.IsQualifying
        ? RaceStandings.FastestId(_laps.Records)
        : RaceStandings.LeaderId(_laps.Records);

    private void GoRunning()
    {
        var now = _time.GetUtcNow();
        Enter(RaceState.Running, now, _timeline with { StartedAt = now });
        ArmFinishTimer(now);
    }

    private RaceState? CountdownDone(object? session)
    {
        if (_state != RaceState.Starting || session is not long id || id != _session)
        {
            return null;
        }
        GoRunning();
        return RaceState.Running;
    }

    private RaceState? TimeUp(object? session)
    {
        if (_state != RaceState.Running || session is not long id || id != _session)
        {
            return null;
        }
        End(FinishReasons.Time, Winner());
        return RaceState.Ended;
    }

    private void NewSession()
    {
        DisarmFinishTimer();
        _session = _store.NewSession(_time.GetUtcNow());
        _state = RaceState.Idle;
        _laps.Clear();
    }

    private void End(string reason, int? winner)
    {
        DisarmFinishTimer();
        var now = _time.GetUtcNow();
        Enter(RaceState.Ended, now, _timeline with { EndedAt = now, FinishReason = reason, WinnerId = winner });
    }

    /// <summary>Enters <paramref name="state"/> with <paramref name="timeline"/>, both stored.</summary>
    private void Enter(RaceState state, DateTimeOffset now, RaceTimeline timeline)
    {
        _store.SetState(_session, state, now);
        _state = state;
        _timeline = timeline;
        SaveTimeline();
    }

    private void ArmFinishTimer(DateTimeOffset now)
    {
        DisarmFinishTimer();
        if (_timeline.EndsAt is { } endsAt)
        {
            var due = endsAt - now;
            _finishTimer = _time.CreateTimer(s => _fire(() => TimeUp(s)), _session, due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
        }
    }

    private void DisarmFinishTimer()
    {
        _finishTimer?.Dispose();
        _finishTimer = null;
    }

    private void SaveTimeline()
    {
        try
        {
            _store.SaveTimeline(_session, _timeline);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            EmulatorLog.TimelineNotStored(_logger, ex, _session);
        }
    }
}
