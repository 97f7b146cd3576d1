using System.Diagnostics;
using System.Globalization;
using LapGate.Emulator;
using LapGate.Emulator.Hosting;
using LapGate.Emulator.Race;
using LapGate.Faults.Tests.Support;
using LapGate.TestSupport;
using Microsoft.Data.Sqlite;

namespace LapGate.Faults.Tests.Sensor;

public class SensorKillTests
{
    private const string Track = """{"sensors":[{"pin":21,"lane":1,"point":"FL"},{"pin":22,"lane":2,"point":"FL"}],"minLapMs":0,"debounceMs":0}""";

    [Fact]
    public async Task SensorProcess_KilledWithSigkillMidRaceAndRestarted_EveryAcceptedLapArrivesOnceAndExact()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("track.json"), Track);
        var outbox = dir.File("outbox.db");
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });
        string[] args = ["--server", emulator.WebSocketUri.ToString(), "--config", dir.File("track.json"), "--outbox", outbox];
        // The device's µs clock follows real time, as a microcontroller's does. A restarted sensor anchors the
        // device clock again, so the one lap per lane that spans the restart is timed by the host clock: exactness
        // is asserted for every lap within a run.
        var device = Stopwatch.StartNew();
        var fed = new List<(int Run, int Lane, long Micros)>();

        using (var first = SensorProcess.Start(args))
        {
            // Started and connected before the first trigger, so the device clock is anchored on a warm process.
            await first.WaitForOutputAsync("registered with the app");
            for (var i = 0; i < 8; i++)
            {
                await FeedAsync(first, 1, i);
                await RaceWait.CrossingsAsync(emulator, i + 1);
            }
            await FeedAsync(first, 1, 8);
            await FeedAsync(first, 1, 9);
            first.Kill();
            await first.WaitForExitAsync();
        }
        var afterKill = Journal(outbox);
        Assert.InRange(afterKill.Count, 8, 10);

        using (var second = SensorProcess.Start(args))
        {
            // The restarted sensor first delivers what the killed one left in the outbox; then the race goes on.
            // (Its device-clock mapping is made afresh at its first trigger, as after any restart.)
            await second.WaitForOutputAsync("registered with the app");
            await RaceWait.CrossingsAsync(emulator, afterKill.Count);
            for (var i = 10; i < 20; i++)
            {
                await FeedAsync(second, 2, i);
                await RaceWait.CrossingsAsync(emulator, afterKill.Count + i - 9);
            }
            second.CloseInput();
            Assert.True(await second.WaitForExitAsync() == 0, second.Output);
        }

        var journal = Journal(outbox);
        var race = emulator.Race.Snapshot();
        Assert.Empty(race.Violations);
        Assert.Equal(journal.Select(e => (e.Lane, e.Timestamp)).Order(), Crossings(race).Order());
        foreach (var lane in (int[])[1, 2])
        {
            foreach (var run in (int[])[1, 2])
            {
                // Run 1's journal holds a prefix of what was fed to it (lines not yet read when killed were never accepted).
                var stamped = journal.Where(e => e.Lane == lane && (e.Id <= afterKill.Max(k => k.Id)) == (run == 1)).Select(e => e.Timestamp).ToArray();
                var micros = fed.Where(f => f.Run == run && f.Lane == lane).Select(f => f.Micros).Take(stamped.Length).ToArray();
                Assert.Equal(micros.Zip(micros.Skip(1), (a, b) => (b / 1000) - (a / 1000)), stamped.Zip(stamped.Skip(1), (a, b) => b - a));
            }
        }

        async Task FeedAsync(SensorProcess sensor, int run, int i)
        {
            var lane = 1 + (i % 2);
            // Plus 2 ms a trigger, so two crossings of a lane are never in the same millisecond.
            var micros = 1_000_000 + (long)device.Elapsed.TotalMicroseconds + (i * 2_000L);
            fed.Add((run, lane, micros));
            await sensor.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{20 + lane} {micros}"));
        }
    }

    private static List<(long Id, int Lane, long Timestamp)> Journal(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, lane, timestamp_ms FROM events ORDER BY id";
        using var reader = cmd.ExecuteReader();
        var events = new List<(long, int, long)>();
        while (reader.Read())
        {
            events.Add((reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2)));
        }
        return events;
    }

    private static IEnumerable<(int Lane, long Timestamp)> Crossings(RaceSnapshot race)
    {
        foreach (var c in race.Controllers.Where(c => c.LastCrossing is not null))
        {
            var t = c.LastCrossing!.Value;
            yield return (c.Id, t);
            for (var k = c.LapTimes.Count - 1; k >= 0; k--)
            {
                t -= c.LapTimes[k];
                yield return (c.Id, t);
            }
        }
    }
}
