using System.Diagnostics;
using LapGate.Protocol.Messages;
using LapGate.Sensor.Link;
using LapGate.Sensor.Tests.Support;
using Xunit.Abstractions;

namespace LapGate.Sensor.Tests.Link;

public class AppLinkCutTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Cut.WithCloseFrame, ReconnectCause.ClosedByApp)]
    [InlineData(Cut.WithoutCloseFrame, ReconnectCause.ConnectionLost)]
    public async Task RunAsync_CutMidStream_ReconnectsAndReplaysUnconfirmedInOrder(Cut cut, ReconnectCause expected)
    {
        var script = new StandInScript { CutAfter = (connection, events) => connection == 1 && events == 2 ? cut : Cut.None };
        await using var app = new StandInApp(script);
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions(confirmAfter: TimeSpan.FromSeconds(60))).Start();

        link.Add(LinkHarness.Lap(1, 10_000), LinkHarness.Lap(2, 10_050), LinkHarness.Lap(1, 15_000));
        var drop = await link.Drops.WaitAsync();
        await app.WaitUntilAsync(f => f.Events(2).Count == 3, "the replay on connection 2");
        link.Add(LinkHarness.Lap(2, 16_000));
        await app.WaitUntilAsync(f => f.Events(2).Count == 4, "the new lap after the replay");

        Assert.Equal(expected, drop.Cause);
        Assert.Equal(
            [new ApiVersionRequest(), new ControllerSet("Z"), new AnalogLap(10_000, 1), new AnalogLap(10_050, 2), new AnalogLap(15_000, 1), new AnalogLap(16_000, 2)],
            app.Frames.Messages(2));
        Assert.Equal(4, link.Outbox.Pending().Count);
    }

    [Fact]
    public async Task RunAsync_LinkGoesSilentWithoutClose_DetectedWithinThreeSeconds()
    {
        var script = new StandInScript { CutAfter = (connection, events) => connection == 1 && events == 1 ? Cut.GoSilent : Cut.None };
        await using var app = new StandInApp(script);
        var options = new LinkOptions { RetryPolicy = new ExponentialBackoffPolicy(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10), 0) };
        await using var link = new LinkHarness(app.Url, options).Start();
        await link.States.WaitAsync(s => s == LinkState.Connected);

        link.Add(LinkHarness.Lap(1, 20_000));
        await app.WaitUntilAsync(f => f.Events(1).Count == 1, "the lap");
        var silentSince = Stopwatch.StartNew();
        var drop = await link.Drops.WaitAsync(seconds: 10);
        var detectedAfter = silentSince.Elapsed;
        output.WriteLine($"dead link noticed after {detectedAfter.TotalMilliseconds:0} ms: {drop.Detail}");
        await app.WaitUntilAsync(f => f.Events(2).Count == 1, "the lap again on connection 2");

        Assert.Equal(ReconnectCause.ConnectionLost, drop.Cause);
        Assert.True(detectedAfter < TimeSpan.FromSeconds(3), $"dead link noticed after {detectedAfter.TotalSeconds:0.00} s");
        Assert.Equal(new AnalogLap(20_000, 1), app.Frames.Events(2).Single());
    }
}
