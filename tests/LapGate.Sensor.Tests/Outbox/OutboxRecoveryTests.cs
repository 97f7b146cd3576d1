using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Tests.Outbox;

public class OutboxRecoveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 18, 30, 5, TimeSpan.Zero);

    [Fact]
    public void OpenOrRecover_HealthyFile_OpensItWithItsPendingEvents()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        using (var first = SqliteOutbox.Open(path))
        {
            first.Append([Lap(1, 1000), Lap(1, 5000)]);
        }

        var opened = OutboxRecovery.OpenOrRecover(path);
        using var outbox = opened.Outbox;

        Assert.False(opened.Recovered);
        Assert.Null(opened.Problem);
        Assert.Equal([1000L, 5000L], outbox.Pending().Select(e => e.TimestampMs));
    }

    [Fact]
    public void OpenOrRecover_NotADatabase_MovesItAsideWithTimestampAndStartsFresh()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        var garbage = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7 % 251)).ToArray();
        File.WriteAllBytes(path, garbage);

        var opened = OutboxRecovery.OpenOrRecover(path, new FakeTimeProvider(Now));
        using var outbox = opened.Outbox;

        Assert.True(opened.Recovered);
        Assert.Equal(path + ".bad-20261124T183005Z", opened.MovedAsideTo);
        Assert.Contains("not an SQLite database", opened.Problem, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(opened.MovedAsideTo!));
        Assert.Empty(outbox.Pending());
        var written = outbox.Append([Lap(2, 7000)]);
        Assert.Equal(written, outbox.Pending());
    }

    [Fact]
    public void OpenOrRecover_DamagedPages_MovesItAsideAndStartsFresh()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        using (var first = SqliteOutbox.Open(path))
        {
            first.Append(Enumerable.Range(0, 500).Select(i => Lap(1 + (i % 4), 1000L * i)).ToList());
        }
        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8192, $"the test outbox is only {bytes.Length} bytes");
        for (var i = 4096; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 13 % 256);
        }
        File.WriteAllBytes(path, bytes);

        var opened = OutboxRecovery.OpenOrRecover(path, new FakeTimeProvider(Now));
        using var outbox = opened.Outbox;

        Assert.True(opened.Recovered);
        Assert.True(File.Exists(opened.MovedAsideTo));
        Assert.False(string.IsNullOrWhiteSpace(opened.Problem));
        Assert.Empty(outbox.Pending());
    }

    [Fact]
    public void OpenOrRecover_UnreadableEventRow_MovesItAside()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        using (var first = SqliteOutbox.Open(path))
        {
            first.Append([Lap(1, 1000)]);
        }
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = "INSERT INTO events(kind, lane, timestamp_ms, pin, written_at) VALUES ('Teleport', 1, 2000, 21, 'x')";
            cmd.ExecuteNonQuery();
        }

        var opened = OutboxRecovery.OpenOrRecover(path, new FakeTimeProvider(Now));
        using var outbox = opened.Outbox;

        Assert.True(opened.Recovered);
        Assert.Contains("Teleport", opened.Problem, StringComparison.Ordinal);
        Assert.Empty(outbox.Pending());
    }

    [Fact]
    public void OpenOrRecover_FolderInItsPlace_RefusedAndTheFolderIsLeftAsItIs()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        Directory.CreateDirectory(path);
        using (var inside = SqliteOutbox.Open(Path.Combine(path, "outbox.db")))
        {
            inside.Append([Lap(1, 1000)]);
        }

        var refused = Assert.Throws<OutboxRefusedException>(() => OutboxRecovery.OpenOrRecover(path, new FakeTimeProvider(Now)));

        Assert.Equal(OutboxProblemKind.Folder, refused.Problem!.Kind);
        Assert.Equal($"the outbox {path} is a folder, not a file. Give the outbox a file path, e.g. {path}/outbox.db; " +
            "the folder is left as it is.", refused.Message);
        Assert.True(Directory.Exists(path));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path, "outbox.db.bad-*"));
        using var inner = SqliteOutbox.Open(Path.Combine(path, "outbox.db"));
        Assert.Single(inner.Pending());
    }

    [Fact]
    public void OpenOrRecover_TwiceAfterARecovery_SecondOpenIsNormal()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        File.WriteAllText(path, "this is not a database, it is a shopping list");
        var time = new FakeTimeProvider(Now);
        using (var first = OutboxRecovery.OpenOrRecover(path, time).Outbox)
        {
            first.Append([Lap(3, 4000)]);
        }

        var second = OutboxRecovery.OpenOrRecover(path, time);
        using var outbox = second.Outbox;

        Assert.False(second.Recovered);
        Assert.Equal([4000L], outbox.Pending().Select(e => e.TimestampMs));
        Assert.Single(Directory.GetFiles(dir.Path, "outbox.db.bad-*"));
    }

    [Fact]
    public void OpenOrRecover_SameSecondTwice_KeepsBothBadFiles()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        var time = new FakeTimeProvider(Now);
        File.WriteAllText(path, "garbage one");
        OutboxRecovery.OpenOrRecover(path, time).Outbox.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(path);
        File.WriteAllText(path, "garbage two");

        var opened = OutboxRecovery.OpenOrRecover(path, time);
        opened.Outbox.Dispose();

        Assert.Equal(path + ".bad-20261124T183005Z-2", opened.MovedAsideTo);
        Assert.Equal("garbage one", File.ReadAllText(path + ".bad-20261124T183005Z"));
        Assert.Equal("garbage two", File.ReadAllText(opened.MovedAsideTo!));
    }
}
