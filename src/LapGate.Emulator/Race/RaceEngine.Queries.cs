namespace LapGate.Emulator.Race;

// Reading the race: the snapshot now, the stored sessions, one session's results.
public sealed partial class RaceEngine
{
    /// <summary>The race now.</summary>
    public RaceSnapshot Snapshot()
    {
        lock (_lock)
        {
            var standings = _laps.Standings(_race.State, _race.Session, _drivers.Current, _race.Setup.IsQualifying);
            return _race.WithClock(standings) with { Track = _race.Setup.TrackId is { } track ? _tracks.Find(track) : null };
        }
    }

    /// <summary>Every stored session, newest first.</summary>
    public IReadOnlyList<SessionSummary> Sessions()
    {
        lock (_lock)
        {
            // Free practice is not a session of its own (its laps still count while it runs).
            return [.. _store.ListSessions().Where(s => !s.Timeline.Setup.IsPractice).Select(s => SessionSummary.From(s, _drivers.Current))];
        }
    }

    /// <summary>A session's results (standings rebuilt from its stored events), or null for an unknown id.</summary>
    public SessionResults? Results(long sessionId)
    {
        StoredSession? stored;
        lock (_lock)
        {
            stored = _store.LoadSession(sessionId);
        }
        return stored is null ? null : SessionResults.From(stored, _drivers.Current);
    }
}
