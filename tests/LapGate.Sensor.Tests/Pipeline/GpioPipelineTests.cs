using System.Device.Gpio;
using LapGate.Sensor.Inputs.Gpio;

namespace LapGate.Sensor.Tests.Pipeline;

/// <summary>GPIO edges from the fake driver through the real filters, outbox and link to a stand-in app.</summary>
public class GpioPipelineTests
{
    private static readonly SensorConfig Config = new(
        [
            new SensorEntry(17, 1, TrackPoint.FL),
            new SensorEntry(27, 2, TrackPoint.FL, ActiveHigh: true),
            new SensorEntry(5, 0, TrackPoint.Start),
            new SensorEntry(6, 0, TrackPoint.Stop),
        ],
        minLapMs: 1000, debounceMs: 50);

    [Fact]
    public async Task RunAsync_BouncingEdgesAndButtons_OneLapPerPassAndRaceControl()
    {
        using var dir = new TempDirectory();
        await using var app = new StandInApp();
        var time = new OffsetTimeProvider();
        var driver = new FakeGpioDriver();
        var source = new GpioTriggerSource(Config, () => driver, "gpio:0", time);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Ready += (_, _) => ready.TrySetResult();
        var options = new SensorOptions { Server = app.Url, Config = Config, OutboxPath = dir.File("outbox.db"), TimeProvider = time, Link = LinkHarness.FastOptions() };
        await using var runner = new SensorRunner(options);
        var rejected = new Signal<RejectedTrigger>();
        runner.Rejected += (_, r) => rejected.Raise(r);
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(source, stop.Token);
        await ready.Task.Within();

        driver.Fire(5, PinEventTypes.Falling);
        driver.Fire(17, PinEventTypes.Falling);
        time.Advance(TimeSpan.FromMilliseconds(2));
        driver.Fire(17, PinEventTypes.Falling);       // the gate chatters as the car leaves it
        time.Advance(TimeSpan.FromMilliseconds(3));
        driver.Fire(17, PinEventTypes.Falling);
        driver.Fire(27, PinEventTypes.Falling);       // active high: the falling edge is the car leaving
        driver.Fire(27, PinEventTypes.Rising);
        time.Advance(TimeSpan.FromMilliseconds(4200));
        driver.Fire(17, PinEventTypes.Falling);
        driver.Fire(6, PinEventTypes.Falling);
        await app.WaitUntilAsync(f => f.Events().Count == 5, "two laps on lane 1, one on lane 2, start and stop");
        await rejected.WaitAsync(r => r.Pin == 17);

        Assert.Equal(new RaceControl("start"), app.Frames.Events()[0]);
        Assert.Equal(new RaceControl("stop"), app.Frames.Events()[^1]);
        var lane1 = app.Frames.Laps().Where(l => l.ControllerId == 1).ToArray();
        Assert.Equal(2, lane1.Length);
        Assert.InRange(lane1[1].Timestamp - lane1[0].Timestamp, 4205, 4205 + 500);
        Assert.Single(app.Frames.Laps(), l => l.ControllerId == 2);
        Assert.Equal(2, rejected.Values.Count(r => r.Reason == RejectReason.Debounce && r.Pin == 17));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Within());
    }
}
