using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace LapGate.Sensor.Tests.Link;

/// <summary>"N event(s) pending" in the link's drop line counts every event this sensor still owes the app.</summary>
public class AppLinkCountTests
{
    [Fact]
    public async Task RunAsync_EventQueuedDuringAHandshakeThatTimesOut_TheDropLineCountsIt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        using var dir = new TempDirectory();
        await using var app = new StandInApp(new StandInScript { Answer = false });
        using var logs = new TestLoggerProvider();
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
        var events = Channel.CreateUnbounded<SensorEvent>();
        var link = new AppLink(app.Url, outbox, LinkHarness.FastOptions(), time, logs.CreateLogger("LapGate.Sensor.Link"));
        var drops = new Signal<ReconnectEventArgs>();
        link.Reconnecting += (_, e) => drops.Raise(e);
        using var stop = new CancellationTokenSource();
        var run = link.RunAsync(events.Reader, stop.Token);
        await app.WaitUntilAsync(f => f.Count == 1, "api_version");

        // Accepted while the link waits for the app's reply: queued, not yet taken by the link.
        foreach (var e in outbox.Append([Lap(1, 1000)]))
        {
            Assert.True(events.Writer.TryWrite(e));
        }
        time.Advance(TimeSpan.FromSeconds(5));
        var drop = await drops.WaitAsync();

        Assert.Equal(ReconnectCause.HandshakeTimeout, drop.Cause);
        Assert.Equal(1, link.PendingCount);
        var line = Assert.Single(logs.LinesAt(LogLevel.Warning, "dropped (HandshakeTimeout)"));
        Assert.Contains("; 1 event(s) pending;", line, StringComparison.Ordinal);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
