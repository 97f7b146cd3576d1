namespace LapGate.Emulator.Tests.Storage;

/// <summary>Race setup, finish and winner kept with the session in SQLite.</summary>
public sealed class SessionStorageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StartAsync_DatabaseFromBeforeTheDashboard_KeepsItsLapsWithAnOpenSetup()
    {
        using var db = new TestDatabase("old.db");
        // The schema and rows as the emulator wrote them before sessions had a race setup.
        db.Execute("""
            CREATE TABLE sessions (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, state TEXT NOT NULL, state_at TEXT NOT NULL);
            CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, session_id INTEGER NOT NULL REFERENCES sessions(id),
                kind TEXT NOT NULL, controller_id INTEGER NOT NULL, timestamp INTEGER NULL, received_at TEXT NOT NULL);
            INSERT INTO sessions (created_at, state, state_at) VALUES ('2026-11-01T10:00:00.0000000Z', 'running', '2026-11-01T10:00:05.0000000Z');
            INSERT INTO events (session_id, kind, controller_id, timestamp, received_at) VALUES
                (1, 'Lap', 2, 1000, '2026-11-01T10:00:06Z'), (1, 'Lap', 2, 4321, '2026-11-01T10:00:09Z');
            """);

        await using var emulator = await db.StartEmulatorAsync(output);
        var race = await emulator.GetRaceAsync();
        var sessions = emulator.Race.Sessions();

        Assert.Equal("running", race.State);
        Assert.Equal(RaceSetup.Open, race.Setup);
        Assert.Equal([3321L], race.Find(2)!.LapTimes);
        var session = Assert.Single(sessions);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), session.CreatedAt);
        Assert.Equal(RaceSetup.Open, session.Setup);
    }

    [Fact]
    public async Task Restart_AfterALapsRaceWasWon_ResultAndSetupStillThere()
    {
        using var db = new TestDatabase();
        long session;
        await using (var first = await db.StartEmulatorAsync(output))
        {
            first.Race.Setup(RaceSetup.ForLaps(1));
            first.Race.Start();
            first.Race.ApplyLap(5, 1000);
            first.Race.ApplyLap(5, 2000);
            session = first.Race.Snapshot().Session;
        }

        await using var second = await db.StartEmulatorAsync(output);
        var race = await second.GetRaceAsync();
        var results = second.Race.Results(session)!;

        Assert.Equal("ended", race.State);
        Assert.Equal(FinishReasons.Laps, race.FinishReason);
        Assert.Equal(5, race.WinnerId);
        Assert.NotNull(race.StartedAt);
        Assert.NotNull(race.EndedAt);
        Assert.Equal(RaceSetup.ForLaps(1), results.Setup);
        Assert.Equal(5, results.WinnerId);
        Assert.Equal([1000L], results.Find(5)!.LapTimes);
    }
}
