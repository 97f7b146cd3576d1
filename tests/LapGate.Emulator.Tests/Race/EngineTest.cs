namespace LapGate.Emulator.Tests.Race;

/// <summary>A race engine on an in-memory store and a fake clock that starts at <c>start</c>; disposed after each test.</summary>
public abstract class EngineTest : IDisposable
{
    protected readonly FakeTimeProvider _clock;
    protected readonly SqliteRaceStore _store = new(null);
    protected readonly RaceEngine _engine;

    protected EngineTest(DateTimeOffset start)
    {
        _clock = new FakeTimeProvider(start);
        _engine = new RaceEngine(DriversData.Default, _store, _clock, NullLogger.Instance);
    }

    public void Dispose()
    {
        _engine.Dispose();
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}
