using static LapGate.Emulator.Tests.Infrastructure.TestDatabase;

namespace LapGate.Emulator.Tests.Storage;

/// <summary>The emulator database's schema version (<c>PRAGMA user_version</c>) and its ordered migrations.</summary>
public sealed class SchemaMigrationTests
{
    /// <summary>
    /// Exactly what an emulator wrote before the schema had a version (2026-12-01): the tables created on open, then the
    /// session_races columns added one by one on open. Never change this text: it is the past.
    /// </summary>
    private const string UnversionedDdl = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at TEXT NOT NULL,
            state TEXT NOT NULL,
            state_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id),
            kind TEXT NOT NULL,
            controller_id INTEGER NOT NULL,
            timestamp INTEGER NULL,
            received_at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS events_by_session ON events(session_id, id);
        CREATE TABLE IF NOT EXISTS session_races (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
            mode TEXT NOT NULL,
            laps INTEGER NULL,
            duration_ms INTEGER NULL,
            started_at TEXT NULL,
            ended_at TEXT NULL,
            finish_reason TEXT NULL,
            winner_id INTEGER NULL);
        CREATE TABLE IF NOT EXISTS tracks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE,
            min_lap_ms INTEGER NULL,
            max_lap_ms INTEGER NULL);
        CREATE TABLE IF NOT EXISTS track_records (
            track_id INTEGER PRIMARY KEY REFERENCES tracks(id),
            lap_ms INTEGER NOT NULL,
            controller_id INTEGER NOT NULL,
            driver TEXT NULL,
            car TEXT NULL,
            set_at TEXT NOT NULL,
            session_id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS drivers (
            controller_id INTEGER PRIMARY KEY,
            driver TEXT NULL,
            car TEXT NULL,
            color TEXT NULL,
            background_color TEXT NULL);
        """;

    private static readonly string[] AddedColumns =
        ["min_lap_ms INTEGER", "max_lap_ms INTEGER", "kind TEXT", "suspended_at TEXT", "suspended_ms INTEGER", "track_id INTEGER", "countdown_ms INTEGER", "track_name TEXT"];

    [Fact]
    public void Open_UnversionedFileOfToday_UpgradedToCurrentWithEveryRowKept()
    {
        using var db = new TestDatabase();
        using (var old = db.Connect())
        {
            Execute(old, UnversionedDdl);
            foreach (var column in AddedColumns)
            {
                Execute(old, $"ALTER TABLE session_races ADD COLUMN {column} NULL");
            }
            Execute(old, """
                INSERT INTO sessions (id, created_at, state, state_at) VALUES (1, '2026-11-30T19:00:00.0000000Z', 'ended', '2026-11-30T19:20:00.0000000Z');
                INSERT INTO sessions (id, created_at, state, state_at) VALUES (2, '2026-11-30T19:21:00.0000000Z', 'idle', '2026-11-30T19:21:00.0000000Z');
                INSERT INTO events (session_id, kind, controller_id, timestamp, received_at) VALUES
                    (1, 'Lap', 1, 1000, '2026-11-30T19:01:00.0000000Z'), (1, 'Lap', 1, 5250, '2026-11-30T19:01:04.2500000Z'),
                    (1, 'TooShort', 1, 5400, '2026-11-30T19:01:04.4000000Z'), (1, 'PitEnter', 2, NULL, '2026-11-30T19:02:00.0000000Z');
                INSERT INTO tracks (id, name, min_lap_ms, max_lap_ms) VALUES (1, 'Home track', 2000, 20000);
                INSERT INTO track_records (track_id, lap_ms, controller_id, driver, car, set_at, session_id) VALUES (1, 4250, 1, 'Ann', 'GT40', '2026-11-30T19:01:04.2500000Z', 1);
                INSERT INTO session_races (session_id, mode, laps, duration_ms, started_at, ended_at, finish_reason, winner_id, min_lap_ms, max_lap_ms, kind, suspended_at, suspended_ms, track_id, countdown_ms, track_name)
                    VALUES (1, 'laps', 5, NULL, '2026-11-30T19:00:30.0000000Z', '2026-11-30T19:20:00.0000000Z', 'stopped', 1, 2000, 20000, 'race', NULL, 1500, 1, 3000, NULL);
                INSERT INTO drivers (controller_id, driver, car, color, background_color) VALUES (3, 'Bo', 'Mini', '#fff', '#c00');
                """);
        }

        using (var store = new SqliteRaceStore(db.Path))
        {
            var session = store.LoadSession(1)!;
            Assert.Equal(RaceState.Ended, session.State);
            Assert.Equal(
                [new StoredEvent(RaceEventKind.Lap, 1, 1000), new StoredEvent(RaceEventKind.Lap, 1, 5250), new StoredEvent(RaceEventKind.TooShort, 1, 5400), new StoredEvent(RaceEventKind.PitEnter, 2, null)],
                session.Events);
            Assert.Equal(5, session.Timeline.Setup.Laps);
            Assert.Equal(2000, session.Timeline.Setup.MinLapMs);
            Assert.Equal(3000, session.Timeline.Setup.CountdownMs);
            Assert.Equal(1500, session.Timeline.SuspendedMs);
            Assert.Equal(FinishReasons.Stopped, session.Timeline.FinishReason);
            Assert.Equal(2, store.LoadCurrent(DateTimeOffset.UnixEpoch).Id);
            var track = Assert.Single(store.ListTracks());
            Assert.Equal(("Home track", 2000L, 20000L, 4250L, "Ann"), (track.Name, track.MinLapMs, track.MaxLapMs, track.Record!.LapMs, track.Record.Driver));
            Assert.Equal(new LapGate.Emulator.Tracks.ManagedDriver(3, "Bo", "Mini", "#fff", "#c00"), Assert.Single(store.LoadDrivers()));
        }

        using var reopened = db.Connect();
        Assert.Equal(EmulatorSchema.Current, EmulatorSchema.VersionOf(reopened));
        Assert.Equal(4L, Scalar(reopened, "SELECT COUNT(*) FROM events"));
    }

    [Fact]
    public void Open_UnversionedFileFromBeforeTheAddedColumns_GetsThemWithRowsKept()
    {
        using var db = new TestDatabase();
        using (var old = db.Connect())
        {
            Execute(old, UnversionedDdl);
            Execute(old, """
                INSERT INTO sessions (id, created_at, state, state_at) VALUES (1, '2026-11-01T19:00:00.0000000Z', 'running', '2026-11-01T19:00:00.0000000Z');
                INSERT INTO session_races (session_id, mode, laps) VALUES (1, 'laps', 10);
                """);
        }

        using (var store = new SqliteRaceStore(db.Path))
        {
            var current = store.LoadCurrent(DateTimeOffset.UnixEpoch);
            Assert.Equal((1L, RaceState.Running, 10), (current.Id, current.State, current.Timeline.Setup.Laps));
            Assert.Equal(RaceKinds.Race, current.Timeline.Setup.Kind);
        }

        using var reopened = db.Connect();
        Assert.Equal(EmulatorSchema.Current, EmulatorSchema.VersionOf(reopened));
        Assert.Equal(8L + AddedColumns.Length, Scalar(reopened, "SELECT COUNT(*) FROM pragma_table_info('session_races')"));
    }

    [Fact]
    public void Upgrade_FromEachVersion_RunsOnlyTheLaterMigrationsInOrder()
    {
        using var connection = Open(":memory:");
        var ran = new List<int>();
        Action<SqliteConnection, SqliteTransaction>[] migrations = [(_, _) => ran.Add(1), (_, _) => ran.Add(2), (_, _) => ran.Add(3)];
        Execute(connection, "PRAGMA user_version = 1");

        var found = EmulatorSchema.Upgrade(connection, "test.db", migrations);

        Assert.Equal(1, found);
        Assert.Equal([2, 3], ran);
        Assert.Equal(3, EmulatorSchema.VersionOf(connection));
        ran.Clear();
        Assert.Equal(3, EmulatorSchema.Upgrade(connection, "test.db", migrations));
        Assert.Empty(ran);
    }

    [Fact]
    public void Upgrade_FailingMigration_LeavesTheFileAtTheVersionBefore()
    {
        using var connection = Open(":memory:");
        Action<SqliteConnection, SqliteTransaction>[] migrations =
        [
            (c, tx) => Execute(c, "CREATE TABLE a (x INTEGER)", tx),
            (c, tx) =>
            {
                Execute(c, "CREATE TABLE b (x INTEGER)", tx);
                throw new InvalidOperationException("disk said no");
            },
        ];

        Assert.Throws<InvalidOperationException>(() => EmulatorSchema.Upgrade(connection, "test.db", migrations));

        Assert.Equal(1, EmulatorSchema.VersionOf(connection));
        Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'"));
    }

    [Fact]
    public void Open_FileOfANewerLapGate_RefusedAndLeftUnchanged()
    {
        using var db = new TestDatabase();
        using (var newer = db.Connect())
        {
            Execute(newer, $"CREATE TABLE future (x INTEGER); PRAGMA user_version = {EmulatorSchema.Current + 1}");
        }
        var before = File.ReadAllBytes(db.Path);

        var ex = Assert.Throws<EmulatorConfigurationException>(() => new SqliteRaceStore(db.Path));

        Assert.Contains($"database {db.Path} was written by a newer LapGate", ex.Message, StringComparison.Ordinal);
        Assert.Contains("another DatabasePath", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(db.Path));
    }
}
