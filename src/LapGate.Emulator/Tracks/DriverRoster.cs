using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Tracks;

/// <summary>
/// The drivers and cars the handshake sends: the managed drivers, else the built-in default; a drivers
/// file given at start overrides the managed ones. Not thread-safe: the race engine calls it under its lock.
/// </summary>
internal sealed class DriverRoster
{
    private readonly ITrackStore _store;
    private readonly UpdateControllerData _base;
    private readonly bool _fromFile;

    /// <summary>Loads the managed drivers; <paramref name="fromFile"/> says <paramref name="drivers"/> came from a file (which overrides them).</summary>
    public DriverRoster(ITrackStore store, UpdateControllerData drivers, bool fromFile)
    {
        _store = store;
        _base = drivers;
        _fromFile = fromFile;
        var managed = store.LoadDrivers();
        Current = fromFile || managed.Count == 0 ? drivers : DriversView.ToData(managed);
    }

    /// <summary>What the handshake sends now.</summary>
    public UpdateControllerData Current { get; private set; }

    /// <summary>Null when <paramref name="drivers"/> can be the managed list, else what is wrong.</summary>
    public static string? Problem(IReadOnlyList<ManagedDriver> drivers) =>
        drivers.Select(d => d.Problem()).FirstOrDefault(p => p is not null)
        ?? (drivers.Select(d => d.ControllerId).Distinct().Count() != drivers.Count ? "each controller may be listed once" : null);

    /// <summary>What the handshake sends now, where it comes from, and the managed drivers.</summary>
    public DriversView Describe()
    {
        var managed = _store.LoadDrivers();
        var source = _fromFile ? "file" : managed.Count > 0 ? "managed" : "default";
        return new DriversView(source, DriversView.From(Current), managed);
    }

    /// <summary>Replaces the managed drivers (valid, see <see cref="Problem"/>; an empty list goes back to the default).</summary>
    public void Set(IReadOnlyList<ManagedDriver> drivers)
    {
        _store.SaveDrivers(drivers);
        if (!_fromFile)
        {
            Current = drivers.Count == 0 ? _base : DriversView.ToData(drivers);
        }
    }
}
