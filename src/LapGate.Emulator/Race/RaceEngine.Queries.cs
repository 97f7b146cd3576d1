
namespace LapGate.Emulator.Race;

// Reading the race: the snapshot now, the stored sessions, one session's results.
public sealed partial class RaceEngine
{
    /// <summary>The race now.</summary>
    public RaceSnapshot Snapshot()
    {
        lock (_lock)
        {
            var snapshot = RaceStandings.Build(_state, _session, _controllers.Values, _drivers, _duplicates, [.. _violations], _timeline.Setup.IsQualifying);
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
            return snapshot with
            {
                Setup = _timeline.Setup,
                StartedAt = _timeline.StartedAt,
                EndsAt = endsAt,
                SuspendedAt = _timeline.SuspendedAt,
                Track = _timeline.Setup.TrackId is { } track ? FindTrackLocked(track) : null,
                RemainingMs = remaining,
                EndedAt = _timeline.EndedAt,
                FinishReason = _timeline.FinishReason,
                WinnerId = _timeline.WinnerId,
            };
        }
    }

    /// <summary>Every stored session, newest first.</summary>
    public IReadOnlyList<SessionSummary> Sessions()
    {
        lock (_lock)
        {
            // Free practice is not a session of its own (its laps still count while it runs).
            return [.. _store.ListSessions().Where(s => !s.Timeline.Setup.IsPractice).Select(s => SessionSummary.From(s, _drivers))];
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
        return stored is null ? null : SessionResults.From(stored, _drivers);
    }
}
