using System.Collections.Concurrent;
using LapGate.Protocol.Messages;
using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Pipeline;
using LapGate.Sensor.Tests.Support;
using LapGate.TestSupport;
using Microsoft.Extensions.Logging;

namespace LapGate.Sensor.Tests.Pipeline;

/// <summary>Each batch is committed, queued, then flushed to disk; a failed flush does not stop delivery.</summary>
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
    public async Task RunAsync_LineInput_EachBatchIsDurableBeforeTheNextAndAllAtTheEnd()
    {
        using var dir = new TempDirectory();
        await using var app = new StandInApp(new StandInScript());
        await using var runner = new SensorRunner(Options(app, dir));
        var batches = new ConcurrentQueue<(long DurableAtAccept, long LastId)>();
        runner.Accepted += (_, events) => batches.Enqueue((runner.Status.DurableThrough, events[^1].Id));
        var flushed = new ConcurrentQueue<long>();
        runner.Flushed += (_, durable) => flushed.Enqueue(durable);

        await runner.RunAsync(new LineTriggerSource(new StringReader(Lines), "test"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        var accepted = batches.ToArray();
        Assert.Equal(6, app.Frames.Events().OfType<AnalogLap>().Count());
        Assert.Equal(accepted[^1].LastId, runner.Status.DurableThrough);
        Assert.Equal(accepted.Select(b => b.LastId), flushed);
        for (var i = 1; i < accepted.Length; i++)
        {
            Assert.True(accepted[i].DurableAtAccept >= accepted[i - 1].LastId,
                $"batch {i} was accepted while the previous one (through id {accepted[i - 1].LastId}) was not flushed");
        }
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

        await runner.RunAsync(new LineTriggerSource(new StringReader(Lines), "test"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

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

        await runner.RunAsync(new LineTriggerSource(new StringReader(Lines), "test"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(6, app.Frames.Events().OfType<AnalogLap>().Count());
        Assert.Equal(0, runner.Status.EventsPending);
        Assert.Equal(0, runner.Status.DurableThrough);
        Assert.Equal(0, Volatile.Read(ref flushedEvents));
        var error = logs.LinesAt(LogLevel.Error, "may not survive a power cut").FirstOrDefault();
        Assert.NotNull(error);
        Assert.Contains("events 1 to", error, StringComparison.Ordinal);
        Assert.Contains("Input/output error (test)", error, StringComparison.Ordinal);
    }

    private static SensorOptions Options(StandInApp app, TempDirectory dir) => new()
    {
        Server = app.Url,
        Config = Config,
        OutboxPath = dir.File("outbox.db"),
        Link = LinkHarness.FastOptions(TimeSpan.FromMilliseconds(600)),
    };
}
