using LapGate.Sensor.Inputs.Serial;

namespace LapGate.Sensor.Tests.Inputs;

/// <summary>A microcontroller's lines over a real pty pair (socat) through the whole sensor to a stand-in app.</summary>
public class SerialPipelineTests
{
    private static readonly SensorConfig Config = new(
        [new SensorEntry(2, 1, TrackPoint.FL), new SensorEntry(3, 2, TrackPoint.FL), new SensorEntry(4, 2, TrackPoint.PE)],
        minLapMs: 1000, debounceMs: 50);

    [Fact]
    public async Task RunAsync_DeviceTimesOverPty_LapTimesEqualDeviceIntervalsAcrossWrapAndReplug()
    {
        using var dir = new TempDirectory();
        await using var app = new StandInApp();
        var serial = new SerialInputOptions
        {
            Path = dir.File("ttyLAPGATE"),
            FirstRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        };
        var device = await SocatPty.StartAsync(serial.Path, dir.File("device-end"));
        var source = new SerialTriggerSource(serial);
        var opened = new Signal<int>();
        var lost = new Signal<string>();
        var problems = new Signal<InputProblem>();
        source.Opened += (_, n) => opened.Raise(n);
        source.Lost += (_, name) => lost.Raise(name);
        source.Problem += (_, p) => problems.Raise(p);
        var options = new SensorOptions { Server = app.Url, Config = Config, OutboxPath = dir.File("outbox.db"), Link = LinkHarness.FastOptions() };
        await using var runner = new SensorRunner(options);
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(source, stop.Token);
        await opened.WaitAsync(n => n == 1);

        await device.WriteLinesAsync(
            "2 4290000000",
            "3 4290400000",
            "2 4294900000",
            "garbage",
            "4 4294950000",
            "2 2032704",       // the 32-bit µs counter wrapped
            "3 7000000");
        await app.WaitUntilAsync(f => f.Events().Count == 6, "6 events before the unplug");
        await device.DisposeAsync();                  // unplug: both pty ends vanish
        await lost.WaitAsync();
        await using var replugged = await SocatPty.StartAsync(serial.Path, dir.File("device-end"));
        await opened.WaitAsync(n => n == 2);
        await replugged.WriteLinesAsync("2 7587704", "3 9000000");
        await app.WaitUntilAsync(f => f.Events().Count == 8, "8 events after the replug");

        var lane1 = app.Frames.Laps().Where(l => l.ControllerId == 1).Select(l => l.Timestamp).ToArray();
        Assert.Equal([4900L, 2100L, 5555L], lane1.Zip(lane1.Skip(1), (a, b) => b - a));
        var lane2 = app.Frames.Laps().Where(l => l.ControllerId == 2).Select(l => l.Timestamp).ToArray();
        Assert.Equal([11567L, 2000L], lane2.Zip(lane2.Skip(1), (a, b) => b - a));
        Assert.Single(app.Frames.Events().OfType<AnalogPitEnter>());
        var problem = await problems.WaitAsync();
        Assert.Equal("garbage", problem.Text);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.Within());
    }
}
