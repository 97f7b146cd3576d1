using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Tests.Outbox;

/// <summary>The outbox schema version (<c>PRAGMA user_version</c>) and its ordered migrations.</summary>
public class OutboxSchemaTests
{
    // The exact DDL of the outbox before it had a schema version (user_version 0), as SqliteOutbox.Open ran it.
    private const string UnversionedDdl = """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=NORMAL;
        CREATE TABLE IF NOT EXISTS events(
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL, lane INTEGER NOT NULL, timestamp_ms INTEGER NOT NULL, pin INTEGER NOT NULL,
          written_at TEXT NOT NULL, delivered_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS events_pending ON events(id) WHERE delivered_at IS NULL;
        CREATE TABLE IF NOT EXISTS rejected(
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          pin INTEGER NOT NULL, lane INTEGER NULL, timestamp_ms INTEGER NOT NULL,
          reason TEXT NOT NULL, detail TEXT NOT NULL, line INTEGER NULL, written_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS clock(
          source TEXT PRIMARY KEY NOT NULL, offset_ms INTEGER NOT NULL, extended_us INTEGER NOT NULL,
          last_raw_us INTEGER NOT NULL, host_epoch_us INTEGER NOT NULL, written_at TEXT NOT NULL);
        """;

    private const string Rows = """
        INSERT INTO events(kind, lane, timestamp_ms, pin, written_at, delivered_at) VALUES
          ('Lap', 1, 1000, 21, '2026-11-30T20:00:00Z', '2026-11-30T20:00:01Z'),
          ('Lap', 2, 1200, 22, '2026-11-30T20:00:00Z', NULL),
          ('PitEnter', 1, 5000, 23, '2026-11-30T20:00:04Z', NULL);
        DELETE FROM events WHERE id = 3;
        INSERT INTO events(kind, lane, timestamp_ms, pin, written_at, delivered_at) VALUES ('Lap', 1, 6000, 21, '2026-11-30T20:00:05Z', NULL);
        INSERT INTO rejected(pin, lane, timestamp_ms, reason, detail, line, written_at) VALUES (21, 1, 1100, 'Debounce', 'bounce', 3, 'x');
        INSERT INTO clock(source, offset_ms, extended_us, last_raw_us, host_epoch_us, written_at) VALUES ('stdin', 10, 20, 30, 40, 'x');
        """;

    [Fact]
    public void Open_FileFromBeforeSchemaVersions_UpgradesToTheCurrentVersionWithNothingLost()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        Execute(path, UnversionedDdl + Rows);
        Assert.Equal(0L, Scalar(path, "PRAGMA user_version"));

        using (var outbox = SqliteOutbox.Open(path))
        {
            Assert.Equal([(2L, 1200L), (4L, 6000L)], outbox.Pending().Select(e => (e.Id, e.TimestampMs)));
            Assert.Equal(1, outbox.RejectedCount());
            Assert.Equal(new LapGate.Sensor.Timing.DeviceClockState(10, 20, 30, 40), outbox.LoadClock("stdin"));
            // AUTOINCREMENT: the id of the deleted row is never given again.
            Assert.Equal(5L, outbox.Append([new SensorEvent(0, EventKind.Lap, 2, 7000, 22)])[0].Id);
        }

        Assert.Equal(OutboxSchema.Current, Scalar(path, "PRAGMA user_version"));
        Assert.Equal(4L, Scalar(path, "SELECT COUNT(*) FROM events"));
        Assert.Equal("2026-11-30T20:00:01Z", Scalar(path, "SELECT delivered_at FROM events WHERE id = 1"));
    }

    [Fact]
    public void Open_MigrationsAfterTheFilesVersion_RunInOrderAndOnlyThose()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        Execute(path, UnversionedDdl + Rows);
        string[] migrations = [.. OutboxSchema.Migrations, "ALTER TABLE events ADD COLUMN note TEXT NULL", "UPDATE events SET note = 'v3:' || id"];
        SqliteOutbox.Open(path, null, migrations[..2]).Dispose();
        Assert.Equal(2L, Scalar(path, "PRAGMA user_version"));

        SqliteOutbox.Open(path, null, migrations).Dispose();
        SqliteOutbox.Open(path, null, migrations).Dispose();

        Assert.Equal(3L, Scalar(path, "PRAGMA user_version"));
        Assert.Equal("v3:4", Scalar(path, "SELECT note FROM events WHERE id = 4"));
        Assert.Equal(3L, Scalar(path, "SELECT COUNT(*) FROM events WHERE note IS NOT NULL"));
    }

    [Fact]
    public void OpenOrRecover_FileOfANewerLapGate_RefusedAndLeftUnchanged()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        Execute(path, UnversionedDdl + Rows + "PRAGMA user_version = 99;");
        SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(path);

        var refused = Assert.Throws<OutboxRefusedException>(() => OutboxRecovery.OpenOrRecover(path));

        Assert.Equal(OutboxProblemKind.NewerSchema, refused.Problem!.Kind);
        Assert.Equal($"cannot write the outbox {path}: it was written by a newer LapGate (outbox schema version 99; this one knows " +
            $"up to {OutboxSchema.Current}). Run that newer LapGate, or choose another outbox path; the file is left as it is.", refused.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.bad-*"));
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
