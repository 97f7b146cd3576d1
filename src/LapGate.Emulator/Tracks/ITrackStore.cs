namespace LapGate.Emulator.Tracks;

/// <summary>Where the managed tracks, their records and the managed drivers are kept. Called under the race engine's lock.</summary>
public interface ITrackStore
{
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
