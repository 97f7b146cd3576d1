using System.Globalization;
using System.Text.RegularExpressions;

namespace LapGate.Sensor.Tests.EndToEnd;

/// <summary>
/// The whole path of an original board's owner: their config.py → <c>lapgate setup from-pico</c>; the Pico firmware
/// (real MicroPython) with that config.py times a 55-minute race; its lines → <c>lapgate sensor --input stdin</c> →
/// the real <c>lapgate emulate</c>. Every lap the emulator counts is the simulated interval to the millisecond,
/// across the 2^30 wrap of ticks_us and the 2^32 wrap of the printed time.
/// </summary>
public sealed partial class PicoToEmulatorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PicoLines_ThroughSensorToEmulator_LapTimesEqualTheSimulatedIntervals()
    {
        using var dir = new TempDirectory();
        using var emulator = LapgateCli.Start("emulate", "--port", "0", "--no-db");
        try
        {
            var listening = await emulator.WaitForLineAsync("LapGate emulator listening on ");
            var url = listening.Split(' ').First(w => w.StartsWith("ws://", StringComparison.Ordinal));
            await File.WriteAllTextAsync(dir.File("config.py"), PicoConfigs.OriginalExample);
            var setup = await LapgateCli.RunAsync("setup", "from-pico", dir.File("config.py"), "--server", url, "-o", dir.File("sensor.json"));
            Assert.True(setup.ExitCode == 0, setup.Output + setup.Error);

            var (board, expected) = Race(startUs: (1L << 30) - 20_000_000, endUs: (1L << 32) + 30_000_000);
            var run = await board.RunAsync();
            Assert.True(run.ExitCode == 0, run.ToString());
            var totalLaps = expected.Values.Sum(v => v.Count);

            var sensor = await LapgateCli.RunWithInputAsync(string.Join('\n', run.Lines) + "\n",
                "sensor", "--config", dir.File("sensor.json"), "--outbox", dir.File("outbox.db"), "--input", "stdin");
            output.WriteLine(sensor.AllOutput.Length > 4000 ? sensor.AllOutput[..4000] : sensor.AllOutput);
            Assert.True(sensor.ExitCode == 0, sensor.AllOutput);
            Assert.Single(Regex.Matches(sensor.AllOutput, "stdin: lapgate-pico 1\\.0 on "));
            await emulator.Lines.WaitAsync(_ => LapTimes(emulator.Lines.Values).Sum(l => l.Value.Count) >= totalLaps);

            var counted = LapTimes(emulator.Lines.Values);
            Assert.Equal(expected[1], counted[1]);
            Assert.Equal(expected[2], counted[2]);
            Assert.True(totalLaps > 600, $"{totalLaps} laps");
        }
        finally
        {
            output.WriteLine(string.Join('\n', emulator.Lines.Values.Take(40)));
        }
    }

    /// <summary>Two cars, lap times of 7..13 s in whole milliseconds, lane 2 entering the pits every tenth lap.</summary>
    private static (PicoBoard Board, Dictionary<int, List<long>> LapsMs) Race(long startUs, long endUs)
    {
        var edges = new List<(long Us, int Gpio)>();
        var laps = new Dictionary<int, List<long>> { [1] = [], [2] = [] };
        foreach (var (lane, gate, pitGate, offsetUs) in new[] { (1, 21, 20, 1_000_123L), (2, 6, 7, 1_400_777L) })
        {
            var at = startUs + offsetUs;
            edges.Add((at, gate));
            for (var k = 1; ; k++)
            {
                var lapMs = 7_000 + ((k * (lane == 1 ? 373 : 619)) % 6_000);
                if (at + (lapMs * 1000) > endUs)
                {
                    break;
                }
                if (lane == 2 && k % 10 == 0)
                {
                    edges.Add((at + 2_000_000, pitGate));
                }
                at += lapMs * 1000;
                edges.Add((at, gate));
                laps[lane].Add(lapMs);
            }
        }
        edges.Sort();
        var board = new PicoBoard(startUs, PicoConfigs.OriginalExample).Step(startUs + 100);
        for (var i = 0; i < edges.Count; i++)
        {
            board.Edge(edges[i].Us, edges[i].Gpio);
            var next = i + 1 < edges.Count ? edges[i + 1].Us : long.MaxValue;
            if (edges[i].Us + 1000 < next)
            {
                board.Step(edges[i].Us + 1000);
            }
        }
        return (board, laps);
    }

    private static Dictionary<int, List<long>> LapTimes(IEnumerable<string> lines)
    {
        var laps = new Dictionary<int, List<long>> { [1] = [], [2] = [] };
        foreach (var line in lines)
        {
            var match = LapLine().Match(line);
            if (match.Success)
            {
                laps[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)].Add(long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
            }
        }
        return laps;
    }

    [GeneratedRegex(@"lap  controller (\d+): (\d+) ms \(lap")]
    private static partial Regex LapLine();
}
