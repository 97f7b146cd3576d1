namespace LapGate.Emulator.Tests.Race;

/// <summary>
/// A race engine on an in-memory store and a fake clock that starts at <c>start</c>; disposed after each test.
/// A test of what survives a restart runs an engine on a database file (<see cref="RunOnFile(string, Action{RaceEngine})"/>), then opens
/// the file again (<see cref="Reopen"/>), both on the same clock.
/// </summary>
public abstract class EngineTest : IDisposable
{
    protected readonly FakeTimeProvider _clock;
    protected readonly SqliteRaceStore _store = new(null);
    protected readonly RaceEngine _engine;
    private readonly List<IDisposable> _owned = [];

    protected EngineTest(DateTimeOffset start)
    {
        _clock = new FakeTimeProvider(start);
        _engine = NewEngine(_store);
    }

    /// <summary>An engine on <paramref name="store"/> with this test's clock and the default drivers.</summary>
    protected RaceEngine NewEngine(SqliteRaceStore store) => new(DriversData.Default, store, _clock, NullLogger.Instance);

    /// <summary>A fresh database file, deleted after the test once every engine on it is closed.</summary>
    protected string NewDatabaseFile()
    {
        var database = new TestDatabase("race.db");
        _owned.Add(database);
        return database.Path;
    }

    /// <summary>Opens <paramref name="path"/>, hands the engine to <paramref name="use"/>, then closes engine and store, as stopping the emulator does.</summary>
    protected void RunOnFile(string path, Action<RaceEngine> use)
    {
        using var store = new SqliteRaceStore(path);
        using var engine = NewEngine(store);
        use(engine);
    }

    /// <summary>As <see cref="RunOnFile(string, Action{RaceEngine})"/>, returning what <paramref name="use"/> read before the stop.</summary>
    protected T RunOnFile<T>(string path, Func<RaceEngine, T> use)
    {
        using var store = new SqliteRaceStore(path);
        using var engine = NewEngine(store);
        return use(engine);
    }

    /// <summary>An engine on <paramref name="path"/> opened again, as the emulator does when it starts; closed after the test.</summary>
    protected RaceEngine Reopen(string path)
    {
        var store = new SqliteRaceStore(path);
        _owned.Add(store);
        var engine = NewEngine(store);
        _owned.Add(engine);
        return engine;
    }

    public void Dispose()
    {
        _engine.Dispose();
        _store.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
