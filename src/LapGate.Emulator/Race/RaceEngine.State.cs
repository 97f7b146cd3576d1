using LapGate.Emulator.Storage;

namespace LapGate.Emulator.Race;

// Race state commands and the replay of a stored session.
public sealed partial class RaceEngine
{
    /// <summary>idle → running (accepted and unchanged when already running; refused when ended: reset first).</summary>
    public RaceCommandResult Start() => Transition(RaceState.Running, from: RaceState.Idle,
        "the race has ended; reset it before starting a new one");

    /// <summary>running → ended (accepted and unchanged when already ended; refused when idle).</summary>
    public RaceCommandResult Stop() => Transition(RaceState.Ended, from: RaceState.Running,
        "no race is running");

    /// <summary>Any state → idle with empty standings, in a new session (the old one stays in the database).</summary>
    public RaceCommandResult Reset()
    {
        lock (_lock)
        {
            _session = _store.NewSession(_time.GetUtcNow());
            _state = RaceState.Idle;
            _controllers.Clear();
            _duplicates = 0;
            _violations.Clear();
        }
        RaiseStateChanged(RaceState.Idle);
        RaiseChanged();
        return new RaceCommandResult(true, true, RaceState.Idle);
    }

    private RaceCommandResult Transition(RaceState to, RaceState from, string refusal)
    {
        lock (_lock)
        {
            if (_state == to)
            {
                return new RaceCommandResult(true, false, _state);
            }
            if (_state != from)
            {
                return new RaceCommandResult(false, false, _state, refusal);
            }
            _store.SetState(_session, to, _time.GetUtcNow());
            _state = to;
        }
        RaiseStateChanged(to);
        RaiseChanged();
        return new RaceCommandResult(true, true, to);
    }

    private void Replay(StoredEvent e)
    {
        if (e.ControllerId is < 1 or > 8)
        {
            return;
        }
        var record = Get(e.ControllerId);
        switch (e.Kind)
        {
            case RaceEventKind.Lap when e.Timestamp is { } t && record.Classify(t) is LapResult.FirstCrossing or LapResult.Counted:
                record.Add(t);
                break;
            case RaceEventKind.Duplicate:
                _duplicates++;
                break;
            case RaceEventKind.PitEnter:
                PitEnter(record);
                break;
            case RaceEventKind.PitLeave:
                record.InPit = false;
                break;
        }
    }
}
