using LapGate.Emulator.Tracks;

namespace LapGate.Emulator.Race;

/// <summary>
/// Where the race engine keeps sessions and their events, and (as an <see cref="ITrackStore"/>) the managed
/// tracks and drivers. Called under the engine's lock.
/// </summary>
public interface IRaceStore : ITrackStore, IDisposable
{
    /// <summary>The newest session with its events; creates an idle one when there is none.</summary>
    StoredSession LoadCurrent(DateTimeOffset now);

    /// <summary>Starts a new idle session and returns its id.</summary>
    long NewSession(DateTimeOffset now);

    /// <summary>Records a session's state.</summary>
    void SetState(long sessionId, RaceState state, DateTimeOffset now);

    /// <summary>Appends an accepted event, durably, before the engine shows it.</summary>
    void Append(long sessionId, StoredEvent raceEvent, DateTimeOffset now);

    /// <summary>Records a session's race setup, start, end and winner (replacing what was stored).</summary>
    void SaveTimeline(long sessionId, RaceTimeline timeline);

    /// <summary>Every session, newest first.</summary>
    IReadOnlyList<StoredSessionInfo> ListSessions();

    /// <summary>One session with its events, or null when there is no such id.</summary>
    StoredSession? LoadSession(long sessionId);
}
