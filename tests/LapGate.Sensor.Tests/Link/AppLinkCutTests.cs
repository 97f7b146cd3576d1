using System.Diagnostics;

namespace LapGate.Sensor.Tests.Link;

public class AppLinkCutTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Cut.WithCloseFrame, ReconnectCause.ClosedByApp)]
    [InlineData(Cut.WithoutCloseFrame, ReconnectCause.ConnectionLost)]
    public async Task RunAsync_CutMidStream_ReconnectsAndReplaysUnconfirmedInOrder(Cut cut, ReconnectCause expected)
    {
        var script = new StandInScript { CutAfter = p => p.Connection == 1 && p.Events == 2 ? cut : Cut.None };
        await using var app = new StandInApp(script);
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions()).Start();

        var laps = link.Add(Lap(1, 10_000), Lap(2, 10_050), Lap(1, 15_000));
        var drop = await link.Drops.WaitAsync();
        // Taken on the link's loop as the drop was noticed: what the app's pongs confirmed on connection 1
        // (read later, the pong on connection 2 may have confirmed more already).
        Assert.True(link.ConfirmedAtDrops.TryPeek(out var atDrop));
        var confirmedFirst = atDrop.Select(e => e.TimestampMs).ToArray();
        var replayed = laps.Select(e => e.TimestampMs).Except(confirmedFirst).ToArray();
        await app.WaitUntilAsync(f => f.Events(2).Count == replayed.Length, "the replay on connection 2");
        link.Add(Lap(2, 16_000));
        await app.WaitUntilAsync(f => f.Events(2).Count == replayed.Length + 1, "the new lap after the replay");
        await link.Confirmed.WaitAsync(c => c.Any(e => e.TimestampMs == 16_000));

        Assert.Equal(expected, drop.Cause);
        // The third lap was never read by the app, the second one never answered for: both come again.
        Assert.Contains(10_050, replayed);
        Assert.Contains(15_000, replayed);
        Assert.Equal(confirmedFirst, laps.Select(e => e.TimestampMs).Take(confirmedFirst.Length));
        Assert.Equal(
            [new ApiVersionRequest(), new ControllerSet("Z"), .. laps.Where(e => replayed.Contains(e.TimestampMs)).Select(e => (Message)e.ToMessage()), new AnalogLap(16_000, 2)],
            app.Frames.Messages(2));
        Assert.Empty(link.Outbox.Pending());
    }

    [Fact]
    public async Task RunAsync_LinkGoesSilentWithoutClose_DetectedWithinThreeSeconds()
    {
        var script = new StandInScript { CutAfter = p => p.Connection == 1 && p.Events == 1 ? Cut.GoSilent : Cut.None };
        await using var app = new StandInApp(script);
        var options = new LinkOptions { RetryPolicy = new ExponentialBackoffPolicy(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10), 0) };
        await using var link = new LinkHarness(app.Url, options).Start();
        await link.States.WaitAsync(s => s == LinkState.Connected);

        link.Add(Lap(1, 20_000));
        await app.WaitUntilAsync(f => f.Events(1).Count == 1, "the lap");
        var silentSince = Stopwatch.StartNew();
        var drop = await link.Drops.WaitAsync();
        var detectedAfter = silentSince.Elapsed;
        output.WriteLine($"dead link noticed after {detectedAfter.TotalMilliseconds:0} ms: {drop.Detail}");
        await app.WaitUntilAsync(f => f.Events(2).Count == 1, "the lap again on connection 2");

        Assert.Equal(ReconnectCause.ConnectionLost, drop.Cause);
        Assert.True(detectedAfter < TimeSpan.FromSeconds(3), $"dead link noticed after {detectedAfter.TotalSeconds:0.00} s");
        Assert.Equal(new AnalogLap(20_000, 1), app.Frames.Events(2).Single());
    }

    [Fact]
    public async Task RunAsync_AppStopsReadingAndAnsweringPings_EveryFrameSentIntoTheSilenceComesAgain()
    {
        // The app reads the first lap and then hangs: it reads nothing more and answers no ping. Nothing the
        // sensor sent from then on (nor the first lap, whose ping went unanswered) may count as delivered.
        var script = new StandInScript { CutAfter = p => p.Connection == 1 && p.Events == 1 ? Cut.GoSilent : Cut.None };
        await using var app = new StandInApp(script);
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions()).Start();
        await link.States.WaitAsync(s => s == LinkState.Connected);

        link.Add(Lap(1, 30_000));
        await app.WaitUntilAsync(f => f.Events(1).Count == 1, "the first lap");
        link.Add(Lap(2, 30_400), Lap(1, 31_000));
        await link.Sent.WaitAsync(s => s.Any(e => e.TimestampMs == 31_000));
        var drop = await link.Drops.WaitAsync();
        var confirmedBeforeDrop = link.Confirmed.Values.Count;
        await app.WaitUntilAsync(f => f.Events(2).Count == 3, "all three laps on connection 2");
        await link.Confirmed.WaitAsync(c => c.Any(e => e.TimestampMs == 31_000));

        Assert.Equal(ReconnectCause.ConnectionLost, drop.Cause);
        Assert.Equal(0, confirmedBeforeDrop);
        Assert.Equal([new AnalogLap(30_000, 1), new AnalogLap(30_400, 2), new AnalogLap(31_000, 1)], app.Frames.Events(2));
        Assert.Empty(link.Outbox.Pending());
    }
}
