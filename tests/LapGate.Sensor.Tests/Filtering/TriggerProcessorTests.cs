namespace LapGate.Sensor.Tests.Filtering;

public class TriggerProcessorTests
{
    private const long Start = 1_722_773_108_000;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(Start));
    private readonly TriggerProcessor _processor;

    public TriggerProcessorTests()
    {
        var config = new SensorConfig(
            [new SensorEntry(21, 1, TrackPoint.FL), new SensorEntry(22, 2, TrackPoint.FLPL), new SensorEntry(23, 2, TrackPoint.PE)],
            minLapMs: 2000, debounceMs: 50);
        _processor = new TriggerProcessor(config, new HostClock(_time));
    }

    private ProcessResult At(int pin, long? device = null) => _processor.Process(new Trigger(pin, device, _time.GetTimestamp(), 7));

    [Fact]
    public void Process_FinishLine_StampsWithTheMonotonicClock()
    {
        _time.Advance(TimeSpan.FromMilliseconds(1234));

        var result = At(21);

        Assert.Equal([new SensorEvent(0, EventKind.Lap, 1, Start + 1234, 21)], result.Events);
    }

    [Fact]
    public void Process_Flpl_SendsPitLeaveThenLap()
    {
        var result = At(22);

        Assert.Equal([EventKind.PitLeave, EventKind.Lap], result.Events.Select(e => e.Kind));
        Assert.All(result.Events, e => Assert.Equal(2, e.Lane));
    }

    [Fact]
    public void Process_BounceWithinDebounce_RejectedWithReason()
    {
        At(23);
        _time.Advance(TimeSpan.FromMilliseconds(10));

        var result = At(23);

        Assert.False(result.IsAccepted);
        Assert.Equal(RejectReason.Debounce, result.Rejected!.Reason);
        Assert.Equal(7, result.Rejected.Line);
    }

    [Fact]
    public void Process_LapShorterThanMinimum_RejectedWithReason()
    {
        At(21);
        _time.Advance(TimeSpan.FromMilliseconds(1500));

        var result = At(21);

        Assert.Equal(RejectReason.MinLapTime, result.Rejected!.Reason);
        Assert.Contains("1500 ms", result.Rejected.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_UnknownPin_Rejected()
    {
        Assert.Equal(RejectReason.UnknownPin, At(5).Rejected!.Reason);
    }

    [Fact]
    public void Process_DeviceTimes_LapTimeIsTheDeviceInterval()
    {
        var first = At(21, 10_000_000).Events[0];
        _time.Advance(TimeSpan.FromMilliseconds(6789));
        var second = At(21, 15_432_000).Events[0];

        Assert.Equal(5432, second.TimestampMs - first.TimestampMs);
    }

    [Fact]
    public void ResetLaps_AfterALap_NextShortLapAccepted()
    {
        At(21);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        _processor.ResetLaps();

        Assert.True(At(21).IsAccepted);
    }
}
