using System.Globalization;
using System.Text;
using LapGate.Protocol.Codec;

namespace LapGate.Sensor.Tests.EndToEnd;

/// <summary>The issue's "done when": the built lapgate, driven by stdin, against a stand-in app that cuts twice.</summary>
public class SensorProcessTests
{
    /// <summary>Device clock start, 4.97 s before its 32-bit wrap: the race crosses the wrap.</summary>
    private const long DeviceBase = 4_290_000_000;

    private static string Device(long micros) => ((DeviceBase + micros) % (1L << 32)).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Sensor_StdinAgainstAppThatCutsTwice_DeliversEveryFrameInOrderAndExitsZero()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("track.json"), """
            {"sensors":[
              {"pin":21,"lane":1,"point":"FL"},
              {"pin":22,"lane":2,"point":"FLPL"},
              {"pin":23,"lane":2,"point":"PE"},
              {"pin":24,"lane":3,"point":"FL"}],
             "minLapMs":1000, "debounceMs":50}
            """);
        var script = new StandInScript
        {
            CutAfter = p => (p.Connection, p.Events) switch
            {
                (1, 5) => Cut.WithCloseFrame,
                (2, 12) => Cut.WithoutCloseFrame,
                _ => Cut.None,
            },
        };
        await using var app = new StandInApp(script);
        var lines = new StringBuilder()
            .AppendLine("# LapGate process test: <pin> <device_time_us>")       // 1
            .AppendLine($"21 {Device(1_000_000)}")                              // 2  lane 1 lap
            .AppendLine($"21 {Device(1_012_000)}")                              // 3  bounce
            .AppendLine($"24 {Device(1_100_000)}")                              // 4  lane 3 lap
            .AppendLine($"22 {Device(1_200_000)}")                              // 5  lane 2 pit leave + lap
            .AppendLine()                                                       // 6
            .AppendLine("garbage here")                                         // 7  bad line
            .AppendLine($"23 {Device(3_000_000)}")                              // 8  lane 2 pit enter
            .AppendLine($"9 {Device(3_100_000)}")                               // 9  pin not configured
            .AppendLine($"21 {Device(6_123_000)}")                              // 10 lane 1 lap 5.123 (after the wrap)
            .AppendLine($"24 {Device(6_456_000)}")                              // 11 lane 3 lap
            .AppendLine($"21 {Device(6_800_000)}")                              // 12 too short
            .AppendLine($"22 {Device(9_999_000)}")                              // 13 lane 2 pit leave + lap
            .AppendLine($"21 {Device(12_000_999)}")                             // 14 lane 1 lap
            .AppendLine("21 12x")                                               // 15 bad line
            .AppendLine($"24 {Device(12_500_000)}")                             // 16 lane 3 lap
            .AppendLine($"21 {Device(17_654_000)}")                             // 17 lane 1 lap
            .AppendLine($"23 {Device(18_000_000)}")                             // 18 lane 2 pit enter
            .AppendLine($"22 {Device(21_000_000)}  # comment")                  // 19 lane 2 pit leave + lap
            .ToString();

        var result = await LapgateCli.RunWithInputAsync(lines,
            "sensor", "--server", app.Url.ToString(), "--config", dir.File("track.json"), "--outbox", dir.File("outbox.db"), "--input", "stdin");

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.AllOutput}");
        Assert.Equal(3, app.Connections);
        var frames = app.Frames;
        var firstLap = frames.Laps().First();
        var origin = firstLap.Timestamp - 1000;
        Message Lap(int lane, long ms) => new AnalogLap(origin + ms, lane);
        Message[] expected =
        [
            Lap(1, 1000), Lap(3, 1100), new AnalogPitLeave(2), Lap(2, 1200), new AnalogPitEnter(2),
            Lap(1, 6123), Lap(3, 6456), new AnalogPitLeave(2), Lap(2, 9999), Lap(1, 12000),
            Lap(3, 12500), Lap(1, 17654), new AnalogPitEnter(2), new AnalogPitLeave(2), Lap(2, 21000),
        ];
        AssertEachConnectionReplaysInOrder(frames, expected.Select(MessageCodec.Serialize).ToArray());
        Assert.Equal(expected, frames.Events(3));

        var output = result.AllOutput;
        Assert.Contains("stdin line 7: 'garbage' is not a pin number", output, StringComparison.Ordinal);
        Assert.Contains("stdin line 15: '12x' is not a device time", output, StringComparison.Ordinal);
        Assert.Contains("stdin line 9: trigger rejected (UnknownPin)", output, StringComparison.Ordinal);
        Assert.Contains("stdin line 3: trigger rejected (Debounce)", output, StringComparison.Ordinal);
        Assert.Contains("stdin line 12: trigger rejected (MinLapTime)", output, StringComparison.Ordinal);
        var drops = string.Join('\n', output.Split('\n').Where(l => l.Contains("dropped", StringComparison.Ordinal)));
        Assert.True(drops.Contains("ClosedByApp", StringComparison.Ordinal) && drops.Contains("ConnectionLost", StringComparison.Ordinal), drops);
    }

    /// <summary>
    /// Every connection carries, after api_version and controller_set, a contiguous run of the expected frames that
    /// starts no later than where the previous connections got to (a replay of unconfirmed events), and the runs
    /// together reach the end: nothing lost, order kept, duplicates only from replays.
    /// </summary>
    private static void AssertEachConnectionReplaysInOrder(IReadOnlyList<Frame> frames, string[] expected)
    {
        var reached = 0;
        foreach (var connection in frames.Select(f => f.Connection).Distinct().Order())
        {
            var texts = frames.Where(f => f.Connection == connection).Select(f => f.Text).ToArray();
            Assert.Equal("{\"type\":\"api_version\"}", texts[0]);
            Assert.Equal("{\"type\":\"controller_set\",\"data\":{\"controller_id\":\"Z\"}}", texts[1]);
            var events = texts[2..];
            if (events.Length == 0)
            {
                continue;
            }
            var start = Array.IndexOf(expected, events[0]);
            while (start >= 0 && start <= reached && !expected.Skip(start).Take(events.Length).SequenceEqual(events))
            {
                start = Array.IndexOf(expected, events[0], start + 1);
            }
            Assert.True(start >= 0 && start <= reached, $"connection {connection} does not continue the sequence: {string.Join(" ", events)}");
            reached = Math.Max(reached, start + events.Length);
        }
        Assert.Equal(expected.Length, reached);
    }
}
