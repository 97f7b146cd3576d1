using System.Globalization;
using LapGate.Emulator.Tracks;
using Microsoft.Extensions.Logging;

namespace LapGate.Emulator.Race;

// Managed tracks with their records, and managed drivers.
public sealed partial class RaceEngine
{
    /// <summary>Every track with its record, by name.</summary>
    public IReadOnlyList<Track> Tracks()
    {
        lock (_lock)
        {
            return _store.ListTracks();
        }
    }

    /// <summary>One track, or null.</summary>
    public Track? FindTrack(long id)
    {
        lock (_lock)
        {
            return FindTrackLocked(id);
        }
    }

    private Track? FindTrackLocked(long id) => _store.ListTracks().FirstOrDefault(t => t.Id == id);

    /// <summary>Creates or changes a track; returns it, or null with <paramref name="problem"/> (invalid, unknown id, name taken).</summary>
    public Track? SaveTrack(TrackInput input, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(input);
        problem = input.Problem();
        if (problem is not null)
        {
            return null;
        }
        long id;
        lock (_lock)
        {
            try
            {
                id = _store.SaveTrack(input);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                problem = $"a track named \"{input.Name!.Trim()}\" exists already";
                return null;
            }
        }
        if (id == 0)
        {
            problem = $"there is no track {input.Id}";
            return null;
        }
        RaiseChanged();
        return FindTrack(id);
    }

    /// <summary>
    /// Deletes a track and its record. Past sessions driven on it keep showing its name. Refused while the
    /// current session is set up on it (<see cref="TrackDeletion.InUse"/>): set up another track, or none, first.
    /// </summary>
    /// <param name="id">The track id.</param>
    /// <param name="problem">Why it was not deleted, or null.</param>
    public TrackDeletion DeleteTrack(long id, out string? problem)
    {
        lock (_lock)
        {
            var track = FindTrackLocked(id);
            if (track is null)
            {
                problem = $"there is no track {id}";
                return TrackDeletion.Unknown;
            }
            if (_timeline.Setup.TrackId == id)
            {
                problem = $"\"{track.Name}\" is the track of the current session (#{_session}): set up the session on another track or none first"
                    + (_state is RaceState.Idle or RaceState.Ended ? "" : " (stop it first: a session can be set up only while idle or ended)");
                return TrackDeletion.InUse;
            }
            _store.DeleteTrack(id);
            problem = null;
        }
        RaiseChanged();
        return TrackDeletion.Deleted;
    }

    /// <summary>Why a setup cannot be used (under the lock): its track was deleted meanwhile; null when fine.</summary>
    private string? MissingTrackLocked(RaceSetup setup) =>
        setup.TrackId is { } id && FindTrackLocked(id) is null ? $"there is no track {id} (it was deleted)" : null;

    /// <summary>What the handshake sends now, where it comes from, and the managed drivers.</summary>
    public DriversView DriversInfo()
    {
        lock (_lock)
        {
            var managed = _store.LoadDrivers();
            var source = _driversFromFile ? "file" : managed.Count > 0 ? "managed" : "default";
            return new DriversView(source, DriversView.From(_drivers), managed);
        }
    }

    /// <summary>
    /// Replaces the managed drivers (an empty list goes back to the default). They are sent in the next
    /// handshakes unless a <c>--drivers</c> file overrides them. Null with <paramref name="problem"/> when invalid.
    /// </summary>
    public DriversView? SetDrivers(IReadOnlyList<ManagedDriver> drivers, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        problem = drivers.Select(d => d.Problem()).FirstOrDefault(p => p is not null)
            ?? (drivers.Select(d => d.ControllerId).Distinct().Count() != drivers.Count ? "each controller may be listed once" : null);
        if (problem is not null)
        {
            return null;
        }
        lock (_lock)
        {
            _store.SaveDrivers(drivers);
            if (!_driversFromFile)
            {
                _drivers = drivers.Count == 0 ? _baseDrivers : DriversView.ToData(drivers);
            }
        }
        RaiseChanged();
        return DriversInfo();
    }

    /// <summary>After a counted lap on a managed track (under the lock): keeps it as the track record when it is the fastest ever.</summary>
    private void OfferRecordLocked(int controllerId, long lapMs)
    {
        if (_timeline.Setup.TrackId is not { } track)
        {
            return;
        }
        var info = _drivers.Find(controllerId.ToString(CultureInfo.InvariantCulture));
        try
        {
            _store.OfferRecord(track, new TrackRecord(lapMs, controllerId, info?.Driver, info?.Car, _time.GetUtcNow(), _session));
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            _logger.LogError(ex, "Could not store a track record of controller {Controller}", controllerId);
        }
    }
}
