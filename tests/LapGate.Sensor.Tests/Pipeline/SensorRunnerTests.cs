namespace LapGate.Sensor.Tests.Pipeline;

public class SensorRunnerTests
{
    private static readonly SensorConfig Config = new(
        [new SensorEntry(21, 1, TrackPoint.FL), new SensorEntry(22, 2, TrackPoint.FLPL), new SensorEntry(23, 2, TrackPoint.PE)],
        minLapMs: 1000, debounceMs: 50);

    [Fact]
    public async Task RunAsync_LineInput_DeliversEverythingThenEnds()
    {
        using var dir = new TempDirectory();
        await using var app = new StandInApp(new StandInScript { AfterRegistration = ["{\"type\":\"update_event_status\",\"data\":\"running\"}"] });
        var options = new SensorOptions { Server = app.Url, Config = Config, OutboxPath = dir.File("outbox.db"), Link = LinkHarness.FastOptions() };
        await using var runner = new SensorRunner(options);
        var rejected = new Signal<RejectedTrigger>();
        runner.Rejected += (_, r) => rejected.Raise(r);
        var lines = """
            21 1000000
            21 1010000
            22 1200000
            23 3000000
            21 6000000
            21 6500000
            22 7234000
            7 7300000
            """;

        await runner.RunAsync(new LineTriggerSource(new StringReader(lines), "test"), CancellationToken.None).Within();

        Assert.Equal(
            [new AnalogLap(1000, 1), new AnalogPitLeave(2), new AnalogLap(1200, 2), new AnalogPitEnter(2), new AnalogLap(6000, 1), new AnalogPitLeave(2), new AnalogLap(7234, 2)],
            app.Frames.Events().Select(m => m is AnalogLap l ? l with { Timestamp = l.Timestamp - Base(app) } : m));
        var status = runner.Status;
        Assert.Equal(LinkState.Stopped, status.Connection);
        Assert.Equal(0, status.EventsPending);
        Assert.True(status.InputEnded);
        Assert.Equal("running", status.RaceStatus);
        Assert.Equal((1, "Nic", 2, 1, TimeSpan.FromMilliseconds(5000), TimeSpan.FromMilliseconds(5000), 2, false),
            (status.Lanes[0].Lane, status.Lanes[0].Driver, status.Lanes[0].CrossingsSent, status.Lanes[0].LapsSent, status.Lanes[0].LastLap, status.Lanes[0].BestLap, status.Lanes[0].Rejected, status.Lanes[0].InPit));
        Assert.Equal((2, "Alex", 2, 1, TimeSpan.FromMilliseconds(6034), TimeSpan.FromMilliseconds(6034), 0, false),
            (status.Lanes[1].Lane, status.Lanes[1].Driver, status.Lanes[1].CrossingsSent, status.Lanes[1].LapsSent, status.Lanes[1].LastLap, status.Lanes[1].BestLap, status.Lanes[1].Rejected, status.Lanes[1].InPit));
        Assert.Equal(["pin 21 triggered again within the 50 ms debounce time", "lane 1 lap of 500 ms is shorter than the minimum of 1000 ms"],
            status.Lanes[0].RecentRejections.Select(r => r.Detail).Reverse());
        Assert.Equal(["lap too short", "bounce"], status.Lanes[0].RecentRejections.Select(r => r.Words));
        Assert.Equal([(7, 1, "pin not in the config"), (21, 4, "lap too short"), (22, 2, null), (23, 1, null)],
            status.Gates.Select(g => (g.Pin, g.Fired, g.LastRejection)));
        Assert.Equal(7, status.DeliveredToday);
        Assert.Equal(0, status.NotYetDurable);
        Assert.Equal(1, status.OtherRejected);
        Assert.Equal([2, 6, 8], rejected.Values.Select(r => r.Line!.Value));
    }

    /// <summary>The epoch ms the device clock was mapped to (first lap minus its device ms).</summary>
    private static long Base(StandInApp app) => app.Frames.Laps().First().Timestamp - 1000;
}
