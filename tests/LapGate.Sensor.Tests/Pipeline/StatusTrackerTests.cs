using LapGate.Protocol.Codec;

namespace LapGate.Sensor.Tests.Pipeline;

public class StatusTrackerTests
{
    private static SensorEvent Lap(long id, int lane, long ts) => new(id, EventKind.Lap, lane, ts, 20 + lane);

    [Fact]
    public void Accepted_Laps_LastAndBestFromTimestampDifferences()
    {
        var tracker = new StatusTracker([1]);

        tracker.Accepted([Lap(1, 1, 10_000), Lap(2, 1, 15_500), Lap(3, 1, 20_700)]);

        var lane = tracker.Snapshot().Lanes[0];
        Assert.Equal(TimeSpan.FromMilliseconds(5200), lane.LastLap);
        Assert.Equal(TimeSpan.FromMilliseconds(5200), lane.BestLap);
    }

    [Fact]
    public void Sent_Replays_CountEachLapOnce()
    {
        var tracker = new StatusTracker([1]);
        var laps = new[] { Lap(1, 1, 10_000), Lap(2, 1, 15_000) };

        tracker.Sent(laps);
        tracker.Sent(laps);

        Assert.Equal(2, tracker.Snapshot().Lanes[0].CrossingsSent);
        Assert.Equal(1, tracker.Snapshot().Lanes[0].LapsSent);
    }

    [Fact]
    public void Accepted_Crossings_FirstIsFirstCrossingThenLapsNumberedWithTheirTimes()
    {
        var tracker = new StatusTracker([1, 2]);

        var crossings = tracker.Accepted([Lap(1, 1, 10_000), Lap(2, 2, 11_000), Lap(3, 1, 12_513), Lap(4, 1, 75_000)]);

        Assert.Equal(["lane 1: first crossing", "lane 2: first crossing", "lane 1: lap 1 in 2.513", "lane 1: lap 2 in 1:02.487"],
            crossings.Select(c => c.Words));
    }

    [Fact]
    public void Accepted_FlplGateOutsideThePit_SaysOnlyTheLap()
    {
        var tracker = new StatusTracker([2]);

        var crossings = tracker.Accepted([
            new SensorEvent(1, EventKind.PitEnter, 2, 5_000, 23),
            new SensorEvent(2, EventKind.PitLeave, 2, 9_000, 22), new SensorEvent(3, EventKind.Lap, 2, 9_000, 22),
            new SensorEvent(4, EventKind.PitLeave, 2, 14_000, 22), new SensorEvent(5, EventKind.Lap, 2, 14_000, 22)]);

        Assert.Equal(["lane 2: into the pit", "lane 2: out of the pit", "lane 2: first crossing", "lane 2: lap 1 in 5.000"],
            crossings.Select(c => c.Words).OfType<string>());
        Assert.Equal(2, tracker.Snapshot().Gates.Single(g => g.Pin == 22).Fired);
    }

    [Fact]
    public void Delivered_NextDay_CountStartsAgain()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 23, 59, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var tracker = new StatusTracker([1], timeProvider: time);

        tracker.Delivered(5);
        var before = tracker.Snapshot().DeliveredToday;
        time.Advance(TimeSpan.FromMinutes(2));
        tracker.Delivered(1);

        Assert.Equal(5, before);
        Assert.Equal(1, tracker.Snapshot().DeliveredToday);
    }

    [Fact]
    public void FromApp_ControllerDataStatusAndReset_UpdateTheScreen()
    {
        var tracker = new StatusTracker([1, 2, 3]);
        tracker.Accepted([Lap(1, 1, 10_000), Lap(2, 1, 15_000), new SensorEvent(3, EventKind.PitEnter, 2, 16_000, 32)]);
        tracker.Sent([Lap(1, 1, 10_000), Lap(2, 1, 15_000)]);

        tracker.FromApp(MessageCodec.Parse("""{"type":"update_controller_data","data":{"1":{"driver":"Nic"},"2":{"driver":"Non assegnato"}}}"""));
        tracker.FromApp(new UpdateEventStatus(EventStatus.Running));
        var before = tracker.Snapshot();
        tracker.FromApp(new Reset());
        var after = tracker.Snapshot();

        Assert.Equal(["Nic", null, null], before.Lanes.Select(l => l.Driver));
        Assert.Equal("running", before.RaceStatus);
        Assert.True(before.Lanes[1].InPit);
        Assert.Equal(1, before.Lanes[0].LapsSent);
        Assert.Equal(0, after.Lanes[0].CrossingsSent);
        Assert.Null(after.Lanes[0].LastLap);
        Assert.False(after.Lanes[1].InPit);
        Assert.Equal("Nic", after.Lanes[0].Driver);
    }
}
