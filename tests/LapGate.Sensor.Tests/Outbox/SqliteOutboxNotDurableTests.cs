using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Tests.Outbox;

/// <summary>A write that fails during a run (a real full tmpfs) keeps everything in memory, in order, and writes it once it can.</summary>
public class SqliteOutboxNotDurableTests
{
    [Fact]
    public void Append_DiskFullThenFreed_EventsNumberedInOrderKeptInMemoryAndWrittenWithTheirMarks()
    {
        using var mount = new TmpfsMount(1024);
        var path = mount.File("outbox.db");
        var changes = new List<OutboxDurabilityChange>();
        using (var outbox = SqliteOutbox.Open(path))
        {
            outbox.DurabilityChanged += (_, c) => changes.Add(c);
            var first = outbox.Append([Lap(1, 1000)]);
            mount.Fill();

            var full = outbox.Append(Enumerable.Range(1, 300).Select(i => Lap(1 + (i % 2), 1000 + (i * 1000L))).ToList());
            outbox.MarkDelivered([first[0].Id, full[0].Id, full[1].Id]);
            outbox.Reject(new RejectedTrigger(21, 1, 5000, RejectReason.MinLapTime, "too fast", 7));
            outbox.SaveClock("serial:/dev/ttyACM0", new DeviceClockState(1, 2, 3, 4), flush: true);

            Assert.Equal(OutboxProblemKind.NoSpace, outbox.Problem?.Kind);
            Assert.Equal(Enumerable.Range(2, 300).Select(i => (long)i), full.Select(e => e.Id));
            Assert.Equal(300, outbox.Unwritten);
            Assert.Equal(full.Skip(2), outbox.Pending());
            Assert.Equal(new DeviceClockState(1, 2, 3, 4), outbox.LoadClock("serial:/dev/ttyACM0"));
            var single = Assert.Single(changes);
            Assert.Equal(OutboxProblemKind.NoSpace, single.Problem?.Kind);

            mount.Free();
            var after = outbox.Append([Lap(1, 400_000)]);

            Assert.Null(outbox.Problem);
            Assert.Equal(0, outbox.Unwritten);
            Assert.Equal(302, after[0].Id);
            Assert.Equal(new OutboxDurabilityChange(null, 0, 301), changes[^1]);
            Assert.Equal(after[0].Id, outbox.FlushToDisk());
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Assert.Equal(Enumerable.Range(1, 302).Select(i => (long)i), Column<long>(connection, "SELECT id FROM events ORDER BY id"));
        Assert.Equal([1L, 2L, 3L], Column<long>(connection, "SELECT id FROM events WHERE delivered_at IS NOT NULL ORDER BY id"));
        Assert.Equal([7L], Column<long>(connection, "SELECT line FROM rejected"));
        Assert.Equal([2L], Column<long>(connection, "SELECT extended_us FROM clock"));
    }

    [Fact]
    public void Append_FilesMadeImmutableDuringARun_NeverThrowsNamesPermissionAndCatchesUpAfterwards()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        using var outbox = SqliteOutbox.Open(path);
        outbox.Append([Lap(1, 1000)]);
        string[] files = [path, path + "-wal"];
        Chattr("+i", files);
        IReadOnlyList<SensorEvent> kept;
        try
        {
            kept = outbox.Append([Lap(1, 2000), Lap(1, 3000)]);

            Assert.Equal(OutboxProblemKind.Permission, outbox.Problem?.Kind);
        }
        finally
        {
            Chattr("-i", files);
        }
        Assert.Equal([2L, 3L], kept.Select(e => e.Id));
        outbox.FlushToDisk();
        Assert.Null(outbox.Problem);
        Assert.Equal([1000L, 2000L, 3000L], outbox.Pending().Select(e => e.TimestampMs));
    }

    private static void Chattr(string flag, string[] paths)
    {
        using var process = System.Diagnostics.Process.Start("chattr", [flag, .. paths]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static List<T> Column<T>(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }
}
