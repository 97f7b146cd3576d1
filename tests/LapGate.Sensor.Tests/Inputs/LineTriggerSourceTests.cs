using Microsoft.Extensions.Logging;

namespace LapGate.Sensor.Tests.Inputs;

public class LineTriggerSourceTests
{
    [Fact]
    public async Task ReadAsync_MixedLines_YieldsTriggersAndReportsBadLinesWithNumbers()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var source = new LineTriggerSource(new StringReader("# header\n21 100\n\nnot a line\n22\n21 5 6\n"), "test", time);
        var problems = new List<InputProblem>();
        source.Problem += (_, p) => problems.Add(p);

        var triggers = new List<Trigger>();
        await foreach (var t in source.ReadAsync(CancellationToken.None))
        {
            triggers.Add(t);
        }

        Assert.Equal([new Trigger(21, 100, time.GetTimestamp(), 2), new Trigger(22, null, time.GetTimestamp(), 5)], triggers);
        Assert.Equal([4, 6], problems.Select(p => p.Line));
        Assert.Contains("test line 4", problems[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BoardComments_BannerOnceAtInformationOverflowAsWarningRestAtDebug()
    {
        using var logs = new TestLoggerProvider();
        var text = "# lapgate-pico 1.0: gates GP20 GP21\n# ticks_us period 2^30\n21 100\n# lapgate-pico 1.0: gates GP20 GP21\n"
            + "# overflow 37\n# lapgate-pico 1.1: gates GP6\n# bell \a escaped\n";
        var source = new LineTriggerSource(new StringReader(text), "stdin", logger: logs.CreateLogger("LapGate.Sensor"));

        var triggers = new List<Trigger>();
        await foreach (var t in source.ReadAsync(CancellationToken.None))
        {
            triggers.Add(t);
        }

        Assert.Single(triggers);
        Assert.Equal(["stdin: lapgate-pico 1.0: gates GP20 GP21", "stdin: lapgate-pico 1.1: gates GP6"],
            logs.LinesAt(LogLevel.Information, "lapgate-pico").Select(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        Assert.Single(logs.LinesAt(LogLevel.Debug, "stdin line 4: # lapgate-pico 1.0"));
        Assert.Single(logs.LinesAt(LogLevel.Debug, "stdin line 2: # ticks_us period 2^30"));
        Assert.Contains("stdin line 5: the board reports 'overflow 37'", Assert.Single(logs.LinesAt(LogLevel.Warning, "overflow")), StringComparison.Ordinal);
        Assert.Single(logs.LinesAt(LogLevel.Debug, "stdin line 7: # bell \\x07 escaped"));
    }
}
