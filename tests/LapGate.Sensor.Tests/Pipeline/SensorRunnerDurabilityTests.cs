using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LapGate.Sensor.Tests.Pipeline;

/// <summary>Each batch is committed and queued, and flushed to disk alongside; a failed flush does not stop delivery.</summary>
public class SensorRunnerDurabilityTests
{
    private static readonly SensorConfig Config = new(
        [new SensorEntry(21, 1, TrackPoint.FL), new SensorEntry(22, 2, TrackPoint.FL)], minLapMs: 1000, debounceMs: 50);

    // Device times within 10 s: the device clock is saved once, at the first trigger.
    private const string Lines = """
        21 1000000
        22 1200000
        21 3000000
        22 3400000
        21 6000000
        22 7234000
        """;

    [Fact]
    public async Task RunAsync_AFlushThatHangs_EveryFrameIsSentMeanwhileAndAllIsOnDiskAfterIt()
    {
        using var dir = new TempDirectory();
        await using var app = new StandInApp(new StandInScript());
        await using var runner = new SensorRunner(Options(app, dir));
        var flushed = new ConcurrentQueue<long>();
        runner.Flushed += (_, durable) => flushed.Enqueue(durable);
        long lastAccepted = 0;
        runner.Accepted += (_, events) => Interlocked.Exchange(ref lastAccepted, events[^1].Id);
        using var release = new ManualResetEventSlim();
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var flushes = 0;
        runner.OutboxOpened = outbox => outbox.FlushStarting = () =>
        {
            // The first flush is the device clock's new mapping (before the first event); the second is the first
            // batch's, on the flusher's task: it hangs (a slow SD card) until every frame reached the app.
            if (Interlocked.Increment(ref flushes) == 2)
            {
                hanging.TrySetResult();
                Assert.True(release.Wait(TimeSpan.FromSeconds(20)), "the hanging flush was never released");
            }
        };

        var run = runner.RunAsync(new LineTriggerSource(new StringReader(Lines), "test"), CancellationToken.None);
        await hanging.Task.Within();
        await app.WaitUntilAsync(frames => frames.Laps().Count() == 6, "all six laps while the flush hangs");
        var durableWhileHanging = runner.Status.DurableThrough;
        release.Set();
        await run.Within();

        Assert.Equal(0, durableWhileHanging);
        Assert.Equal(Volatile.Read(ref lastAccepted), runner.Status.DurableThrough);
        Assert.Equal(6, runner.Status.DurableThrough);
        var values = flushed.ToArray();
        Assert.Equal(values.Order(), values);
        Assert.Equal(6, values[^1]);
    }

    [Fact]
    public async Task RunAsync_EventsConfirmed_TheDeliveryMarksAreFlushedBeforeItEnds()
    {
        using var dir = new TempDirectory();
        await using var app = new StandInApp(new StandInScript());
        await using var runner = new SensorRunner(Options(app, dir));
        var marksFlushed = 0;
        runner.OutboxOpened = outbox => outbox.FlushStarting = () =>
        {
            if (outbox.DurableThrough > 0 && outbox.Pending().Count == 0)
            {
                Interlocked.Exchange(ref marksFlushed, 1);
            }
        };

        await runner.RunAsync(new LineTriggerSource(new StringReader(Lines), "test"), CancellationToken.None).Within();

        Assert.Equal(0, runner.Status.EventsPending);
        Assert.Equal(1, Volatile.Read(ref marksFlushed));
    }

    [Fact]
    public async Task RunAsync_FlushFails_LogsWhichEventsAndStillDeliversThemAll()
    {
        using var dir = new TempDirectory();
        using var logs = new TestLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        await using var app = new StandInApp(new StandInScript());
        await using var runner = new SensorRunner(Options(app, dir), loggers);
        var flushedEvents = 0;
        runner.Flushed += (_, _) => Interlocked.Increment(ref flushedEvents);
        var flushes = 0;
        runner.OutboxOpened = outbox => outbox.FlushStarting = () =>
        {
            // The first flush is the device clock's save at the first trigger; every batch's flush fails.
            if (Interlocked.Increment(ref flushes) > 1)
            {
                throw new IOException("Input/output error (test)");
            }
        };

        await runner.RunAsync(new LineTriggerSource(new StringReader(Lines), "test"), CancellationToken.None).Within();

        Assert.Equal(6, app.Frames.Laps().Count());
        Assert.Equal(0, runner.Status.EventsPending);
        Assert.Equal(0, runner.Status.DurableThrough);
        Assert.Equal(0, Volatile.Read(ref flushedEvents));
        var error = logs.LinesAt(LogLevel.Error, "may not survive a power cut").FirstOrDefault();
        Assert.NotNull(error);
        Assert.Contains("events after #0", error, StringComparison.Ordinal);
        Assert.Contains("Input/output error (test)", error, StringComparison.Ordinal);
    }

    private static SensorOptions Options(StandInApp app, TempDirectory dir) => new()
    {
        Server = app.Url,
        Config = Config,
        OutboxPath = dir.File("outbox.db"),
        Link = LinkHarness.FastOptions(),
    };
}
