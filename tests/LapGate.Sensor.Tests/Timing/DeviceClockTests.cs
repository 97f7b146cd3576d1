namespace LapGate.Sensor.Tests.Timing;

public class DeviceClockTests
{
    private const long HostStart = 1_722_773_108_000_000;

    [Fact]
    public void ToEpochMillis_FirstTime_AnchorsAtArrival()
    {
        var clock = new DeviceClock();

        Assert.Equal(1_722_773_108_000, clock.ToEpochMillis(5_000_000, HostStart + 700));
        Assert.True(clock.IsAnchored);
    }

    [Fact]
    public void ToEpochMillis_LaterTimes_IntervalIsTheDeviceIntervalWhateverTheArrival()
    {
        var clock = new DeviceClock();
        var a = clock.ToEpochMillis(1_000_000, HostStart);
        var b = clock.ToEpochMillis(6_123_000, HostStart + 9_999_999);
        var c = clock.ToEpochMillis(11_000_500, HostStart + 1);

        Assert.Equal(5123, b - a);
        Assert.Equal(4877, c - b);
    }

    [Fact]
    public void ToEpochMillis_CounterWrapsAt2Pow32_IntervalStaysExact()
    {
        var clock = new DeviceClock();
        const long beforeWrap = 4_294_000_000;
        var afterWrap = (beforeWrap + 5_123_000) % DeviceClock.WrapMicros;

        var a = clock.ToEpochMillis(beforeWrap, HostStart);
        var b = clock.ToEpochMillis(afterWrap, HostStart + 5_200_000);
        var c = clock.ToEpochMillis(afterWrap + 4_000_000, HostStart + 9_000_000);

        Assert.True(afterWrap < beforeWrap);
        Assert.Equal(5123, b - a);
        Assert.Equal(4000, c - b);
        Assert.Equal(0, clock.Reanchors);
    }

    [Fact]
    public void ToEpochMillis_SubMillisecondPhase_IntervalsMatchTheDeviceMillisecondClock()
    {
        var clock = new DeviceClock();
        var a = clock.ToEpochMillis(1_000_999, HostStart + 123_456);
        var b = clock.ToEpochMillis(2_001_000, HostStart);

        Assert.Equal(1001, b - a);
    }

    [Fact]
    public void ToEpochMillis_SixtyFourBitClockGoesBack_Reanchors()
    {
        var clock = new DeviceClock();
        clock.ToEpochMillis(10_000_000_000, HostStart);

        var t = clock.ToEpochMillis(1_000, HostStart + 3_000_000);

        Assert.Equal(1, clock.Reanchors);
        Assert.Equal((HostStart + 3_000_000) / 1000, t);
    }

    [Fact]
    public void ToEpochMillis_SmallStepBack_IsAResetNotAWrap()
    {
        var clock = new DeviceClock();
        clock.ToEpochMillis(2_000_000, HostStart);

        var t = clock.ToEpochMillis(1_500_000, HostStart + 8_000_000);

        Assert.Equal(1, clock.Reanchors);
        Assert.Equal((HostStart + 8_000_000) / 1000, t);
    }
}
