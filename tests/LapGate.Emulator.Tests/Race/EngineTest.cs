namespace LapGate.Emulator.Tests.Race;

/// <summary>
/// A race engine on an in-memory store and a fake clock that starts at <c>start</c>; disposed after each test.
/// A test of what survives a restart runs an engine on a database file (<see cref="RunOnFile(Action{RaceEngine})"/>), then opens
/// the file again (<see cref="Reopen"/>), both on the same clock.
/// </summary>
public abstract class EngineTest : IDisposable
{
    protected readonly FakeTimeProvider _clock;
    protected readonly SqliteRaceStore _store = new(null);
    protected readonly RaceEngine _engine;
    private readonly List<IDisposable> _owned = [];
    private TestDatabase? _database;

    protected EngineTest(DateTimeOffset start)
    {
        _clock = new FakeTimeProvider(start);
        _engine = NewEngine(_store);
    }

    /// <summary>An engine on <paramref name="store"/> with this test's clock and the default drivers.</summary>
    protected RaceEngine NewEngine(SqliteRaceStore store) => new(DriversData.Default, store, _clock, NullLogger.Instance);

    /// <summary>Every state the engine enters from now on, in order.</summary>
    protected List<RaceState> RecordStates()
    {
        var states = new List<RaceState>();
        _engine.StateChanged += (_, s) => states.Add(s);
        return states;
    }

    /// <summary>
    /// Opens this test's database file (a fresh one, deleted after the test), hands the engine to <paramref name="use"/>,
    /// then closes engine and store, as stopping the emulator does.
    /// </summary>
    protected void RunOnFile(Action<RaceEngine> use) => RunOnFile(engine =>
    {
        use(engine);
        return true;
    });

    /// <summary>As <see cref="RunOnFile(Action{RaceEngine})"/>, returning what <paramref name="use"/> read before the stop.</summary>
    protected T RunOnFile<T>(Func<RaceEngine, T> use)
    {
        using var store = new SqliteRaceStore(DatabaseFile());
        using var engine = NewEngine(store);
        return use(engine);
    }

    /// <summary>An engine on this test's database file opened again, as the emulator does when it starts; closed after the test.</summary>
    protected RaceEngine Reopen()
    {
        var store = new SqliteRaceStore(DatabaseFile());
        _owned.Add(store);
        var engine = NewEngine(store);
        _owned.Add(engine);
        return engine;
    }

    private string DatabaseFile()
    {
        if (_database is null)
        {
            _database = new TestDatabase("race.db");
            _owned.Add(_database);
        }
        return _database.Path;
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
