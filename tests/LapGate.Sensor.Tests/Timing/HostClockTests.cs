namespace LapGate.Sensor.Tests.Timing;

public class HostClockTests
{
    [Fact]
    public void ToEpochMillis_AtStart_IsTheWallClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_722_773_108_999));
        var clock = new HostClock(time);

        Assert.Equal(1_722_773_108_999, clock.ToEpochMillis(time.GetTimestamp()));
    }

    [Fact]
    public void ToEpochMicros_AfterAdvance_AddsTheMonotonicInterval()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_722_773_108_000));
        var clock = new HostClock(time);
        time.Advance(TimeSpan.FromMicroseconds(5_123_456));

        Assert.Equal(1_722_773_108_000_000 + 5_123_456, clock.ToEpochMicros(time.GetTimestamp()));
    }

    [Fact]
    public void ToEpochMillis_WallClockStepsAfterStart_LapTimeUnchanged()
    {
        var time = new SteppingTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_722_773_108_000));
        var clock = new HostClock(time);
        var first = clock.ToEpochMillis(time.GetTimestamp());

        time.Wall = time.Wall.AddHours(-1);
        time.Ticks += 4_321_000_000;
        var second = clock.ToEpochMillis(time.GetTimestamp());

        Assert.Equal(4321, second - first);
    }
}
