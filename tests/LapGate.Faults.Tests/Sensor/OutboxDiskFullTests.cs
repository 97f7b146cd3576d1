using LapGate.Sensor.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LapGate.Faults.Tests.Sensor;

/// <summary>The disk fills up mid-race (a real tmpfs): the sensor keeps sending, in order, says so, and catches up.</summary>
public class OutboxDiskFullTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_DiskFullMidRaceThenFreed_EveryLapIsSentInOrderTheStatusSaysNotDurableAndTheJournalCatchesUp()
    {
        using var mount = new TmpfsMount(2048);
        var outbox = mount.File("outbox.db");
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });
        using var logs = new TestLoggerProvider(output);
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var sensor = new SensorHarness(emulator.WebSocketUri, outboxPath: outbox, loggers: loggers);
        await using (sensor)
        {
            sensor.Start();
            sensor.Input.Trigger(21, 1_000_000);
            await RaceWait.CrossingsAsync(emulator, 1);
            Assert.True(sensor.Runner.Status.Durable);

            mount.Fill();
            for (var i = 1; i <= 5; i++)
            {
                sensor.Input.Trigger(21, 1_000_000 + (i * 4_000_000L));
            }
            await RaceWait.CrossingsAsync(emulator, 6);

            var status = sensor.Runner.Status;
            Assert.False(status.Durable);
            Assert.Equal(OutboxProblemKind.NoSpace, status.OutboxProblem!.Kind);
            var error = Assert.Single(logs.Errors);
            Assert.Contains($"cannot write the outbox {outbox}: no space left on the device", error, StringComparison.Ordinal);
            Assert.Contains("NOT DURABLE", error, StringComparison.Ordinal);

            mount.Free();
            sensor.Input.Trigger(21, 1_000_000 + (6 * 4_000_000L));
            await RaceWait.CrossingsAsync(emulator, 7);
            await logs.WaitForLineAsync("can be written again");
            await sensor.FinishAsync();
            Assert.True(sensor.Runner.Status.Durable);
        }

        Assert.Equal(Enumerable.Repeat(4000L, 6), emulator.Race.Snapshot().Find(1)!.LapTimes);
        using var connection = new SqliteConnection($"Data Source={outbox};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*), COUNT(delivered_at), MAX(id) FROM events";
        using var reader = cmd.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((7L, 7L, 7L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
    }
}
