using LapGate.Emulator.Tracks;

namespace LapGate.Emulator.Race;

// Managed tracks with their records, and managed drivers (the TrackBook and the DriverRoster, under the lock).
public sealed partial class RaceEngine
{
    /// <summary>Every track with its record, by name.</summary>
    public IReadOnlyList<Track> ListTracks()
    {
        lock (_lock)
        {
            return _tracks.List();
        }
    }

    /// <summary>One track, or null.</summary>
    public Track? FindTrack(long id)
    {
        lock (_lock)
        {
            return _tracks.Find(id);
        }
    }

    /// <summary>Creates or changes a track; returns it, or null with <paramref name="problem"/> (invalid, unknown id, name taken).</summary>
    public Track? SaveTrack(TrackInput input, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(input);
        problem = input.Problem();
        if (problem is not null)
        {
            return null;
        }
        long? id;
        lock (_lock)
        {
            id = _tracks.Save(input, out problem);
        }
        if (id is not { } saved)
        {
            return null;
        }
        RaiseChanged();
        return FindTrack(saved);
    }

    /// <summary>
    /// Deletes a track and its record. Past sessions driven on it keep showing its name. Refused while the
    /// current session is set up on it (<see cref="TrackDeletion.InUse"/>): set up another track, or none, first.
    /// </summary>
    /// <param name="id">The track id.</param>
    /// <param name="problem">Why it was not deleted, or null.</param>
    public TrackDeletion DeleteTrack(long id, out string? problem)
    {
        TrackDeletion done;
        lock (_lock)
        {
            done = _tracks.Delete(id, _race.TrackInUse, out problem);
        }
        if (done == TrackDeletion.Deleted)
        {
            RaiseChanged();
        }
        return done;
    }

    /// <summary>What the handshake sends now, where it comes from, and the managed drivers.</summary>
    public DriversView DriversInfo()
    {
        lock (_lock)
        {
            return _drivers.Describe();
        }
    }

    /// <summary>
    /// Replaces the managed drivers (an empty list goes back to the default). They are sent in the next
    /// handshakes unless a <c>--drivers</c> file overrides them. Null with <paramref name="problem"/> when invalid.
    /// </summary>
    public DriversView? SetDrivers(IReadOnlyList<ManagedDriver> drivers, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        problem = DriverRoster.Problem(drivers);
        if (problem is not null)
        {
            return null;
        }
        lock (_lock)
        {
            _drivers.Set(drivers);
        }
        RaiseChanged();
        return DriversInfo();
    }
}
