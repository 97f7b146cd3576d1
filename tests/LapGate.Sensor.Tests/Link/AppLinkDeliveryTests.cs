using LapGate.Protocol.Messages;
using LapGate.Sensor.Link;
using LapGate.Sensor.Pipeline;
using LapGate.Sensor.Tests.Support;
using LapGate.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace LapGate.Sensor.Tests.Link;

public class AppLinkDeliveryTests
{
    [Fact]
    public async Task RunAsync_SentEvent_ConfirmedOnlyAfterTheConfirmWindowWithFakeClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var app = new StandInApp();
        var options = LinkHarness.FastOptions(confirmAfter: TimeSpan.FromSeconds(2));
        await using var link = new LinkHarness(app.Url, options, time).Start();

        link.Add(LinkHarness.Lap(1, 30_000));
        await link.Sent.WaitAsync();
        time.Advance(TimeSpan.FromMilliseconds(1999));
        var early = link.Confirmed.Values.Count;
        var pendingEarly = link.Outbox.Pending().Count;
        time.Advance(TimeSpan.FromMilliseconds(1));
        var confirmed = await link.Confirmed.WaitAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, pendingEarly);
        Assert.Equal(30_000, Assert.Single(confirmed).TimestampMs);
        Assert.Empty(link.Outbox.Pending());
        Assert.Equal(0, link.Link.PendingCount);
    }

    [Fact]
    public async Task RunAsync_InputCompleted_EndsOnceEverythingIsConfirmed()
    {
        await using var app = new StandInApp();
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions(confirmAfter: TimeSpan.FromMilliseconds(600))).Start();

        link.Add(LinkHarness.Lap(1, 1_000), LinkHarness.Lap(1, 7_000));
        link.Complete();
        await link.Run!.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(link.Outbox.Pending());
        Assert.Equal(2, app.Frames.Events().Count);
        Assert.Equal(LinkState.Stopped, link.Link.State);
    }

    [Fact]
    public async Task RunAsync_RestartWithNonEmptyOutbox_DeliversOldEventsFirstWithOriginalTimestamps()
    {
        using var dir = new TempDirectory();
        await using var app = new StandInApp();
        await using (var firstRun = new LinkHarness(new Uri("ws://127.0.0.1:1/"), LinkHarness.FastOptions(), dir: dir))
        {
            var written = firstRun.Outbox.Append([LinkHarness.Lap(1, 1_722_773_108_999), new SensorEvent(0, EventKind.PitEnter, 2, 1_722_773_109_000, 32), LinkHarness.Lap(2, 1_722_773_109_119)]);
            firstRun.Outbox.MarkDelivered([written[0].Id]);
        }

        await using var secondRun = new LinkHarness(app.Url, LinkHarness.FastOptions(), dir: dir).Start();
        secondRun.Add(LinkHarness.Lap(1, 1_722_773_115_000));
        await app.WaitUntilAsync(f => f.Events().Count == 3, "old and new events");

        Assert.Equal(
            [new AnalogPitEnter(2), new AnalogLap(1_722_773_109_119, 2), new AnalogLap(1_722_773_115_000, 1)],
            app.Frames.Events());
    }
}
