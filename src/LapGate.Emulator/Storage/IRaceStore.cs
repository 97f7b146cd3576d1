using LapGate.Emulator.Race;
using LapGate.Emulator.Tracks;

namespace LapGate.Emulator.Storage;

/// <summary>Where the race engine keeps sessions and their events. Called under the engine's lock.</summary>
public interface IRaceStore : IDisposable
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

    /// <summary>Every track with its record, by name.</summary>
    IReadOnlyList<Track> ListTracks();

    /// <summary>Creates a track (no id) or changes one; returns its id, 0 for an unknown id. Throws <see cref="Microsoft.Data.Sqlite.SqliteException"/> for a taken name.</summary>
    long SaveTrack(TrackInput track);

    /// <summary>
    /// Deletes a track and its record; the sessions driven on it keep its name. Returns false for an unknown id.
    /// </summary>
    bool DeleteTrack(long trackId);

    /// <summary>Keeps <paramref name="candidate"/> as the track's record when it is faster (or the first); returns true when it is the record now.</summary>
    bool OfferRecord(long trackId, TrackRecord candidate);

    /// <summary>The managed drivers (empty when none were set).</summary>
    IReadOnlyList<ManagedDriver> LoadDrivers();

    /// <summary>Replaces the managed drivers.</summary>
    void SaveDrivers(IReadOnlyList<ManagedDriver> drivers);
}
