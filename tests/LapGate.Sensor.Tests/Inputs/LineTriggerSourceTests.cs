using LapGate.Sensor.Inputs;
using Microsoft.Extensions.Time.Testing;

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
}
