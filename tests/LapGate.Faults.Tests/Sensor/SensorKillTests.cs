using System.Diagnostics;
using System.Globalization;
using LapGate.Emulator.Race;
using Microsoft.Data.Sqlite;

namespace LapGate.Faults.Tests.Sensor;

public class SensorKillTests
{
    private const string Track = """{"sensors":[{"pin":21,"lane":1,"point":"FL"},{"pin":22,"lane":2,"point":"FL"}],"minLapMs":0,"debounceMs":0}""";

    [Fact]
    public async Task SensorProcess_KilledWithSigkillMidRaceAndRestarted_EveryAcceptedLapArrivesOnceAndExactAcrossTheRestart()
    {
        await using var rig = await SensorRig.StartAsync(Track);
        var (outbox, emulator) = (rig.Outbox, rig.Emulator);
        // The device's µs clock follows real time, as a microcontroller's does, and keeps running while the sensor
        // is killed and restarted: the restarted sensor reuses the saved mapping, so every lap is exact, including
        // the one per lane that spans the restart.
        var device = Stopwatch.StartNew();
        var fed = new List<(int Run, int Lane, long Micros)>();
        var lastMicros = 0L;

        using (var first = rig.StartSensor())
        {
            // Started and connected before the first trigger, so the device clock is anchored on a warm process.
            await first.WaitForLineAsync("registered with the app");
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

        using (var second = rig.StartSensor())
        {
            // The restarted sensor first delivers what the killed one left in the outbox; then the race goes on.
            // Its first trigger finds the device clock where the saved mapping expects it, and reuses the mapping.
            await second.WaitForLineAsync("registered with the app");
            await RaceWait.CrossingsAsync(emulator, afterKill.Count);
            for (var i = 10; i < 20; i++)
            {
                await FeedAsync(second, 2, i);
                await RaceWait.CrossingsAsync(emulator, afterKill.Count + i - 9);
            }
            second.CloseInput();
            Assert.True(await second.WaitForExitAsync() == 0, second.Output);
            Assert.Contains("the saved mapping is reused", second.Output, StringComparison.Ordinal);
        }

        var journal = Journal(outbox);
        var race = emulator.Race.Snapshot();
        Assert.Empty(race.Violations);
        Assert.Equal(journal.Select(e => (e.Lane, e.Timestamp)).Order(), Crossings(race).Order());
        var lastOfRun1 = afterKill.Max(k => k.Id);
        foreach (var lane in (int[])[1, 2])
        {
            // Run 1's journal holds a prefix of what was fed to it (lines not yet read when killed were never accepted);
            // run 2 accepted all it was fed. Every lap, the one spanning the restart too, is the device interval.
            var accepted1 = journal.Count(e => e.Lane == lane && e.Id <= lastOfRun1);
            var micros = fed.Where(f => f.Run == 1 && f.Lane == lane).Select(f => f.Micros).Take(accepted1)
                .Concat(fed.Where(f => f.Run == 2 && f.Lane == lane).Select(f => f.Micros)).ToArray();
            var stamped = journal.Where(e => e.Lane == lane).Select(e => e.Timestamp).ToArray();
            Assert.Equal(micros.Zip(micros.Skip(1), (a, b) => (b / 1000) - (a / 1000)), stamped.Zip(stamped.Skip(1), (a, b) => b - a));
        }

        async Task FeedAsync(RunningLapgate sensor, int run, int i)
        {
            var lane = 1 + (i % 2);
            // At least 2 ms after the previous trigger, so two crossings of a lane are never in the same millisecond.
            var micros = Math.Max(1_000_000 + (long)device.Elapsed.TotalMicroseconds, lastMicros + 2_000);
            lastMicros = micros;
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
