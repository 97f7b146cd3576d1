using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Tests.Outbox;

/// <summary>Commit without fsync, then <see cref="SqliteOutbox.FlushToDisk"/>: what it claims and what others see.</summary>
public class SqliteOutboxFlushTests
{
    [Fact]
    public void FlushToDisk_AfterABatch_DurableThroughIsItsLastId()
    {
        using var dir = new TempDirectory();
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
        Assert.Equal(0, outbox.DurableThrough);

        var written = outbox.Append([Lap(1, 1000), Lap(2, 1100), Lap(1, 7000)]);
        var unflushed = outbox.DurableThrough;
        var flushed = outbox.FlushToDisk();

        Assert.Equal(0, unflushed);
        Assert.Equal(written[^1].Id, flushed);
        Assert.Equal(written[^1].Id, outbox.DurableThrough);
    }

    [Fact]
    public void FlushToDisk_NothingNewCommitted_ClaimsNothingMore()
    {
        using var dir = new TempDirectory();
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
        var first = outbox.Append([Lap(1, 1000)]);
        outbox.FlushToDisk();

        outbox.MarkDelivered([first[0].Id]);
        outbox.Reject(new RejectedTrigger(9, null, 1001, RejectReason.UnknownPin, "pin 9", null));

        Assert.Equal(first[0].Id, outbox.FlushToDisk());
    }

    [Fact]
    public async Task FlushToDisk_AppendDuringTheFsync_RunsWithoutWaitingAndIsLeftToTheNextFlush()
    {
        using var dir = new TempDirectory();
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
        var before = outbox.Append([Lap(1, 1000), Lap(2, 1100)]);
        IReadOnlyList<SensorEvent> during = [];
        outbox.FlushStarting = () =>
        {
            outbox.FlushStarting = null;
            // On another thread: it would time out if the flush held the outbox lock.
            during = Task.Run(() => outbox.Append([Lap(1, 7000)])).Within().GetAwaiter().GetResult();
        };

        var claimed = await Task.Run(outbox.FlushToDisk).Within();

        Assert.Equal(before[^1].Id, claimed);
        Assert.Single(during);
        Assert.Equal(before[^1].Id, outbox.DurableThrough);
        Assert.Equal(during[0].Id, outbox.FlushToDisk());
    }

    [Fact]
    public void Open_EventsOfAnEarlierRun_AreFlushedAndCountDurable()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        IReadOnlyList<SensorEvent> written;
        using (var first = SqliteOutbox.Open(path))
        {
            written = first.Append([Lap(1, 1000), Lap(2, 1100)]);
        }

        using var second = SqliteOutbox.Open(path);

        Assert.Equal(written[^1].Id, second.DurableThrough);
        Assert.Equal(written, second.Pending());
    }

    [Fact]
    public void Open_NewFile_IsInWalModeWithTheWalFilePresent()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        using var outbox = SqliteOutbox.Open(path);
        outbox.Append([Lap(1, 1000)]);

        using var raw = OpenRaw(path);
        using var cmd = raw.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", cmd.ExecuteScalar() as string);
        Assert.True(File.Exists(path + "-wal"));
    }

    [Fact]
    public void Append_RawReaderWhileOpen_SeesEveryCommittedEventBeforeAndAfterTheFlush()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        using var outbox = SqliteOutbox.Open(path);
        var first = outbox.Append([Lap(1, 1000), Lap(2, 1100)]);
        var beforeFlush = ReadIds(path);
        outbox.FlushToDisk();
        var second = outbox.Append([Lap(1, 7000)]);

        var afterFlush = ReadIds(path);

        Assert.Equal(first.Select(e => e.Id), beforeFlush);
        Assert.Equal(first.Concat(second).Select(e => e.Id), afterFlush);
        Assert.Equal(first.Concat(second), outbox.Pending());
    }

    [Fact]
    public void Open_AfterDisposeWithUnflushedCommits_SeesEveryEventAndTheClock()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        IReadOnlyList<SensorEvent> written;
        using (var first = SqliteOutbox.Open(path))
        {
            written = [.. first.Append([Lap(1, 1000)]), .. first.Append([Lap(2, 1100), Lap(1, 7000)])];
            first.MarkDelivered([written[0].Id]);
            first.SaveClock("stdin", new DeviceClockState(1, 2, 3, 4));
        }
        var walLeft = File.Exists(path + "-wal");

        using var second = SqliteOutbox.Open(path);

        Assert.False(walLeft, "a clean close checkpoints the WAL into the database file and removes it");
        Assert.Equal(written.Skip(1), second.Pending());
        Assert.Equal(new DeviceClockState(1, 2, 3, 4), second.LoadClock("stdin"));
    }

    [Fact]
    public void SaveClock_AfterUnflushedAppend_FlushesBeforeReturning()
    {
        using var dir = new TempDirectory();
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
        var written = outbox.Append([Lap(1, 1000), Lap(2, 1100)]);

        outbox.SaveClock("stdin", new DeviceClockState(1, 2, 3, 4));

        Assert.Equal(written[^1].Id, outbox.DurableThrough);
    }

    [Fact]
    public void SaveClock_Checkpoint_CommittedNowDurableWithTheNextFlush()
    {
        using var dir = new TempDirectory();
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
        var written = outbox.Append([Lap(1, 1000)]);

        outbox.SaveClock("stdin", new DeviceClockState(1, 2, 3, 4), flush: false);

        Assert.Equal(new DeviceClockState(1, 2, 3, 4), outbox.LoadClock("stdin"));
        Assert.True(outbox.DurableThrough < written[^1].Id);
        Assert.Equal(written[^1].Id, outbox.FlushToDisk());
    }

    private static SqliteConnection OpenRaw(string path)
    {
        var raw = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        raw.Open();
        return raw;
    }

    private static List<long> ReadIds(string path)
    {
        using var raw = OpenRaw(path);
        using var cmd = raw.CreateCommand();
        cmd.CommandText = "SELECT id FROM events ORDER BY id";
        using var reader = cmd.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }
        return ids;
    }
}
