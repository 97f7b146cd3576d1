using LapGate.Emulator.Logging;
using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Tracks;

/// <summary>
/// The managed tracks and their records: listing, saving and deleting them, and keeping the fastest lap
/// ever driven on each. Not thread-safe: the race engine calls it under its lock.
/// </summary>
internal sealed class TrackBook(ITrackStore store, TimeProvider timeProvider, ILogger logger)
{
    /// <summary>Every track with its record, by name.</summary>
    public IReadOnlyList<Track> List() => store.ListTracks();

    /// <summary>One track, or null.</summary>
    public Track? Find(long id) => store.ListTracks().FirstOrDefault(t => t.Id == id);

    /// <summary>Why a setup on <paramref name="trackId"/> cannot be used: the track was deleted meanwhile; null when fine (or no track).</summary>
    public string? Missing(long? trackId) =>
        trackId is { } id && Find(id) is null ? $"there is no track {id} (it was deleted)" : null;

    /// <summary>Creates or changes a valid track; returns its id, or null with <paramref name="problem"/> (unknown id, name taken).</summary>
    public long? Save(TrackInput input, out string? problem)
    {
        long id;
        try
        {
            id = store.SaveTrack(input);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            problem = $"a track named \"{input.Name!.Trim()}\" exists already";
            return null;
        }
        if (id == 0)
        {
            problem = $"there is no track {input.Id}";
            return null;
        }
        problem = null;
        return id;
    }

    /// <summary>
    /// Deletes a track and its record unless there is none or <paramref name="inUse"/> says why it must stay
    /// (the current session is set up on it); <paramref name="problem"/> says why it was not deleted.
    /// </summary>
    public TrackDeletion Delete(long id, Func<Track, string?> inUse, out string? problem)
    {
        var track = Find(id);
        if (track is null)
        {
            problem = $"there is no track {id}";
            return TrackDeletion.Unknown;
        }
        problem = inUse(track);
        if (problem is not null)
        {
            return TrackDeletion.InUse;
        }
        store.DeleteTrack(id);
        return TrackDeletion.Deleted;
    }

    /// <summary>
    /// After a counted lap on a managed track: keeps it as the track record when it is the fastest ever,
    /// with the driver and car <paramref name="drivers"/> assign to the controller now.
    /// </summary>
    public void OfferRecord(long? trackId, int controllerId, long lapMs, UpdateControllerData drivers, long session)
    {
        if (trackId is not { } track)
        {
            return;
        }
        var info = drivers.Find(controllerId.ToString(CultureInfo.InvariantCulture));
        try
        {
            store.OfferRecord(track, new TrackRecord(lapMs, controllerId, info?.Driver, info?.Car, timeProvider.GetUtcNow(), session));
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            EmulatorLog.RecordNotStored(logger, ex, controllerId);
        }
    }
}
