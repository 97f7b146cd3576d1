namespace LapGate.Sensor.Tests.Link;

public class AppLinkDeliveryTests
{
    [Fact]
    public async Task RunAsync_SentEvent_ConfirmedByThePongWithoutAnyTimePassing()
    {
        // The fake clock never moves: the confirmation can only come from the app's pong, not from a timer.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var app = new StandInApp();
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions(), time).Start();

        link.Add(Lap(1, 30_000));
        var confirmed = await link.Confirmed.WaitAsync();

        Assert.Equal(30_000, Assert.Single(confirmed).TimestampMs);
        Assert.Single(app.Frames.Events());
        Assert.Empty(link.Outbox.Pending());
        Assert.Equal(0, link.Link.PendingCount);
    }

    [Fact]
    public async Task RunAsync_SentEvent_NeverConfirmedBeforeItsFrameWasSent()
    {
        await using var app = new StandInApp();
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions()).Start();
        var sentBeforeConfirmed = new List<bool>();
        link.Link.Confirmed += (_, events) =>
        {
            lock (sentBeforeConfirmed)
            {
                var sent = link.Sent.Values.SelectMany(s => s).Select(e => e.Id).ToHashSet();
                sentBeforeConfirmed.AddRange(events.Select(e => sent.Contains(e.Id)));
            }
        };

        for (var i = 0; i < 20; i++)
        {
            link.Add(Lap(1 + (i % 4), 40_000 + (i * 250)));
        }
        await link.Confirmed.WaitAsync(c => c.Any(e => e.TimestampMs == 40_000 + (19 * 250)));

        lock (sentBeforeConfirmed)
        {
            Assert.Equal(20, sentBeforeConfirmed.Count);
            Assert.All(sentBeforeConfirmed, Assert.True);
        }
        Assert.Equal(20, app.Frames.Events().Count);
        Assert.Empty(link.Outbox.Pending());
    }

    [Fact]
    public async Task RunAsync_InputCompleted_ClosesWithTheHandshakeAndEndsWithoutWaiting()
    {
        // The fake clock never moves, so any wait on a timer (the old 3 s rule) would hang here.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var app = new StandInApp();
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions(), time).Start();

        link.Add(Lap(1, 1_000), Lap(1, 7_000));
        link.Complete();
        await link.Run!.Within();

        Assert.Empty(link.Outbox.Pending());
        Assert.Equal(2, app.Frames.Events().Count);
        Assert.Equal(1, app.CloseFrames);
        Assert.Equal(LinkState.Stopped, link.Link.State);
    }

    [Fact]
    public async Task RunAsync_StoppedOnALiveLink_ClosesAndLeavesNothingPending()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var app = new StandInApp();
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions(), time).Start();

        link.Add(Lap(1, 2_000), Lap(2, 2_100), Lap(1, 3_000));
        await app.WaitUntilAsync(f => f.Events().Count == 3, "the three laps");
        await link.StopAsync();

        Assert.Empty(link.Outbox.Pending());
        Assert.Equal(1, app.CloseFrames);
        Assert.Equal(1, app.Connections);
    }

    [Fact]
    public async Task RunAsync_StoppedWhileTheAppNoLongerAnswers_KeepsTheUnansweredEventsPending()
    {
        // The app reads the lap, then answers nothing: no pong, no close reply. After the close timeout (1 s, on the
        // real clock; the keep-alive is set long so only the close timeout can end the wait) the lap stays pending:
        // it may be sent again, it is never lost.
        var script = new StandInScript { CutAfter = p => p.Events == 1 ? Cut.GoSilent : Cut.None };
        await using var app = new StandInApp(script);
        var options = new LinkOptions
        {
            KeepAliveInterval = TimeSpan.FromMinutes(5),
            KeepAliveTimeout = TimeSpan.FromMinutes(5),
            CloseTimeout = TimeSpan.FromSeconds(1),
        };
        await using var link = new LinkHarness(app.Url, options).Start();

        link.Add(Lap(1, 5_000));
        await app.WaitUntilAsync(f => f.Events().Count == 1, "the lap");
        await link.Sent.WaitAsync();
        await link.StopAsync();

        Assert.Equal([5_000L], link.Outbox.Pending().Select(e => e.TimestampMs));
        Assert.Empty(link.Confirmed.Values);
    }

    [Fact]
    public async Task RunAsync_RestartWithNonEmptyOutbox_DeliversOldEventsFirstWithOriginalTimestamps()
    {
        using var dir = new TempDirectory();
        await using var app = new StandInApp();
        await using (var firstRun = new LinkHarness(new Uri("ws://127.0.0.1:1/"), LinkHarness.FastOptions(), dir: dir))
        {
            var written = firstRun.Outbox.Append([Lap(1, 1_722_773_108_999), new SensorEvent(0, EventKind.PitEnter, 2, 1_722_773_109_000, 32), Lap(2, 1_722_773_109_119)]);
            firstRun.Outbox.MarkDelivered([written[0].Id]);
        }

        await using var secondRun = new LinkHarness(app.Url, LinkHarness.FastOptions(), dir: dir).Start();
        secondRun.Add(Lap(1, 1_722_773_115_000));
        await app.WaitUntilAsync(f => f.Events().Count == 3, "old and new events");

        Assert.Equal(
            [new AnalogPitEnter(2), new AnalogLap(1_722_773_109_119, 2), new AnalogLap(1_722_773_115_000, 1)],
            app.Frames.Events());
    }

    [Fact]
    public async Task RunAsync_BacklogLargerThanTheWindow_NeverMoreThanTheWindowOutUnconfirmed()
    {
        using var dir = new TempDirectory();
        var backlog = LeftByAnOutage(dir, 300);
        await using var app = new StandInApp();
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions(sendWindow: 25), dir: dir);
        var inFlight = 0;
        var most = 0;
        // Both are raised on the link's own loop, one after the other, so the count is exact.
        link.Link.Sent += (_, sent) => most = Math.Max(most, inFlight += sent.Count);
        link.Link.Confirmed += (_, confirmed) => inFlight -= confirmed.Count;

        link.Start();
        await link.Confirmed.WaitAsync(c => c.Any(e => e.TimestampMs == backlog[^1].TimestampMs));

        Assert.InRange(Volatile.Read(ref most), 1, 25);
        Assert.Equal(backlog.Select(e => e.TimestampMs), app.Frames.Laps().Select(l => l.Timestamp));
        Assert.Empty(link.Drops.Values);
        Assert.Empty(link.Outbox.Pending());
    }

    [Fact]
    public async Task RunAsync_SlowAppReadingALongBacklog_NotTakenForADeadLinkAndNothingSentTwice()
    {
        // The stand-in takes 100 ms of the link's (fake) clock for every 50th frame, like a busy tablet: 1000 frames
        // take 2 s to read, well over the keep-alive timeout, so one ping after all of them would go unanswered in
        // time, the link would be dropped and the whole backlog sent again. In windows of 20 each pong waits for one
        // such pause at most. No real time passes.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        using var dir = new TempDirectory();
        var backlog = LeftByAnOutage(dir, 1000);
        var frames = 0;
        var script = new StandInScript
        {
            OnFrame = (_, _) =>
            {
                if (Interlocked.Increment(ref frames) % 50 == 0)
                {
                    time.Advance(TimeSpan.FromMilliseconds(100));
                }
                return Task.CompletedTask;
            },
        };
        await using var app = new StandInApp(script);
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions(sendWindow: 20, keepAliveTimeoutMs: 400), time, dir);

        link.Start();
        await link.Confirmed.WaitAsync(c => c.Any(e => e.TimestampMs == backlog[^1].TimestampMs));

        Assert.Empty(link.Drops.Values);
        Assert.Equal(backlog.Select(e => e.TimestampMs), app.Frames.Laps().Select(l => l.Timestamp));
    }

    /// <summary>Laps on 8 lanes that a run with no app to send them to left in the outbox in <paramref name="dir"/>.</summary>
    private static IReadOnlyList<SensorEvent> LeftByAnOutage(TempDirectory dir, int count)
    {
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
        return outbox.Append(Enumerable.Range(0, count).Select(i => Lap(1 + (i % 8), 100_000 + (i * 10L))).ToArray());
    }
}
