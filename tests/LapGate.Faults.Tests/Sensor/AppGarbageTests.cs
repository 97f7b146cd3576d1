namespace LapGate.Faults.Tests.Sensor;

public class AppGarbageTests
{
    [Fact]
    public async Task Sensor_AppSendsGarbageAndA1MBFrame_KeepsRunningAndDeliversEveryLapExactly()
    {
        await using var app = new StandInApp(GarbageScript.Create());
        await using var sensor = new SensorHarness(app.Url);
        var plan = new LapPlan(12);
        sensor.Start();

        for (var i = 0; i < plan.Count; i++)
        {
            plan.Feed(sensor.Input, i);
            await app.WaitUntilAsync(frames => Distinct(frames).Count >= i + 1, $"lap {i + 1} at the app");
        }
        await sensor.FinishAsync();

        // The 1 MB frame is over the 64 KiB limit: that connection is dropped (the only drop) and the next delivers.
        var drop = Assert.Single(sensor.Drops);
        Assert.Equal(ReconnectCause.FrameTooLarge, drop.Cause);
        var laps = Distinct(app.Frames);
        Assert.Equal(plan.Count, laps.Count);
        foreach (var lane in (int[])[1, 2])
        {
            var ms = laps.Where(l => l.ControllerId == lane).Select(l => l.Timestamp).Order().ToArray();
            Assert.Equal(plan.ExpectedLapTimes(lane), ms.Zip(ms.Skip(1), (a, b) => b - a));
        }
        Assert.Equal(0, sensor.Runner.Status.EventsPending);
    }

    private static List<LapGate.Protocol.Messages.AnalogLap> Distinct(IReadOnlyList<Frame> frames) => [.. frames.Laps().Distinct()];
}
