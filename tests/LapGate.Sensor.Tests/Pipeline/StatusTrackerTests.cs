using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Sensor.Pipeline;

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

        Assert.Equal(2, tracker.Snapshot().Lanes[0].LapsSent);
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
        Assert.Equal(2, before.Lanes[0].LapsSent);
        Assert.Equal(0, after.Lanes[0].LapsSent);
        Assert.Null(after.Lanes[0].LastLap);
        Assert.False(after.Lanes[1].InPit);
        Assert.Equal("Nic", after.Lanes[0].Driver);
    }
}
