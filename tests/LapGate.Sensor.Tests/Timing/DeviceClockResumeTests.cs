namespace LapGate.Sensor.Tests.Timing;

/// <summary>
/// A sensor restarted on the same outbox while the device's counter keeps running. The fake device's counter
/// follows the fake time exactly (plus <see cref="_rate"/>); a trigger arrives <c>latency</c> after its device time.
/// </summary>
public sealed class DeviceClockResumeTests : IDisposable
{
    private const long Start = 1_722_773_108_000;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(Start));
    private readonly TempDirectory _dir = new();
    private long _deviceAtStart = 3_000_000_000;
    private double _rate = 1.0;

    private string Outbox => _dir.File("outbox.db");

    private long DeviceNow() => _deviceAtStart + (long)((_time.GetUtcNow().ToUnixTimeMilliseconds() - Start) * 1000 * _rate);

    /// <summary>The device stamps a crossing now; its line arrives <paramref name="latencyMs"/> later.</summary>
    private long Cross(SensorRun run, out long raw, int latencyMs = 1)
    {
        raw = DeviceNow();
        _time.Advance(TimeSpan.FromMilliseconds(latencyMs));
        return run.Stamp(raw);
    }

    private static long Ms(long raw) => raw / 1000;

    /// <summary>A first run that stamps one crossing and ends (its mapping saved in the outbox).</summary>
    private void RunFirst()
    {
        using var first = new SensorRun(Outbox, _time);
        _ = Cross(first, out _);
    }

    /// <summary>
    /// After <paramref name="away"/>, a new run on the same outbox stamps a crossing that arrives
    /// <paramref name="latencyMs"/> late; it must have resumed the saved mapping. Returns the stamp and the raw device time.
    /// </summary>
    private (long Stamp, long Raw) CrossAfterRestart(TimeSpan away, int latencyMs)
    {
        _time.Advance(away);
        using var second = new SensorRun(Outbox, _time);
        var stamp = Cross(second, out var raw, latencyMs);
        Assert.Equal(ClockResume.Resumed, second.Clock.Resume);
        return (stamp, raw);
    }

    [Fact]
    public void ToEpochMillis_RestartWhileDeviceRuns_ReusesMappingAndSpanningLapIsExact()
    {
        long before, rawBefore;
        using (var first = new SensorRun(Outbox, _time))
        {
            _ = Cross(first, out _, latencyMs: 1);
            _time.Advance(TimeSpan.FromMilliseconds(5_321));
            before = Cross(first, out rawBefore, latencyMs: 1);
        }
        // A slow arrival in the new process: re-anchoring would put this lap 40 ms late.
        var (after, rawAfter) = CrossAfterRestart(TimeSpan.FromMilliseconds(2_750), latencyMs: 41);

        Assert.Equal(Ms(rawAfter) - Ms(rawBefore), after - before);
    }

    [Fact]
    public void ToEpochMillis_CounterWrapsWhileSensorIsDown_ReusesMappingExactly()
    {
        _deviceAtStart = DeviceClock.WrapMicros - 4_000_000;
        long before, rawBefore;
        using (var first = new SensorRun(Outbox, _time))
        {
            before = Cross(first, out rawBefore);
        }
        var (after, rawAfter) = CrossAfterRestart(TimeSpan.FromSeconds(30), latencyMs: 17);

        Assert.True(rawAfter > DeviceClock.WrapMicros);
        Assert.Equal(Ms(rawAfter) - Ms(rawBefore), after - before);
    }

    [Fact]
    public void ToEpochMillis_DeviceResetDuringRestart_MapsAfreshAtArrival()
    {
        RunFirst();
        _time.Advance(TimeSpan.FromSeconds(5));
        using var second = new SensorRun(Outbox, _time);

        var stamped = second.Stamp(1_800_000);

        Assert.Equal(ClockResume.DeviceReset, second.Clock.Resume);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), stamped);
    }

    [Fact]
    public void ToEpochMillis_AwayLongerThanOneWrap_MapsAfreshAtArrival()
    {
        RunFirst();
        _time.Advance(TimeSpan.FromMinutes(72));
        using var second = new SensorRun(Outbox, _time);

        // Exactly where a running counter would be: still not trusted after more than one wrap.
        var stamped = Cross(second, out _, latencyMs: 0);

        Assert.Equal(ClockResume.TooLongAway, second.Clock.Resume);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), stamped);
    }

    [Theory]
    [InlineData(1.0005, ClockResume.Resumed)]
    [InlineData(0.9995, ClockResume.Resumed)]
    [InlineData(1.003, ClockResume.DeviceReset)]
    public void ToEpochMillis_DeviceDriftOverAMinuteAway_ResumesOnlyWithinTolerance(double rate, ClockResume expected)
    {
        _rate = rate;
        RunFirst();
        _time.Advance(TimeSpan.FromSeconds(60));
        using var second = new SensorRun(Outbox, _time);

        _ = Cross(second, out _);

        Assert.Equal(expected, second.Clock.Resume);
    }

    [Fact]
    public void ToEpochMillis_HostClockBehindCheckpoint_MapsAfresh()
    {
        RunFirst();
        // The next process starts on a host whose wall clock was set 10 minutes back.
        var earlier = new FakeTimeProvider(_time.GetUtcNow().AddMinutes(-10));
        using var second = new SensorRun(Outbox, earlier);

        _ = second.Stamp(3_100_000_000);

        Assert.Equal(ClockResume.HostClockWentBack, second.Clock.Resume);
    }

    [Fact]
    public void ToEpochMillis_OtherInputSource_HasItsOwnMapping()
    {
        RunFirst();
        _time.Advance(TimeSpan.FromSeconds(1));
        using var usb0 = new SensorRun(Outbox, _time);
        using var usb1 = new SensorRun(Outbox, _time, "serial:/dev/ttyUSB1");

        _ = Cross(usb1, out _);
        _ = Cross(usb0, out _);

        Assert.Equal(ClockResume.NoSavedMapping, usb1.Clock.Resume);
        Assert.Equal(ClockResume.Resumed, usb0.Clock.Resume);
    }

    [Fact]
    public void ToEpochMillis_LongRunThenRestart_CheckpointsKeepTheMappingExact()
    {
        // 80 minutes of laps every 7 s (more than a wrap): the checkpoints keep the saved device time recent.
        long before, rawBefore;
        using (var first = new SensorRun(Outbox, _time))
        {
            before = Cross(first, out rawBefore);
            for (var i = 0; i < 80 * 60 / 7; i++)
            {
                _time.Advance(TimeSpan.FromMilliseconds(7_003));
                before = Cross(first, out rawBefore, latencyMs: 1 + (i % 5));
            }
        }
        var (after, rawAfter) = CrossAfterRestart(TimeSpan.FromSeconds(4), latencyMs: 30);

        Assert.Equal(Ms(rawAfter) - Ms(rawBefore), after - before);
    }

    [Fact]
    public void ToEpochMillis_NoStore_AnchorsAsBefore()
    {
        var clock = new DeviceClock();

        Assert.Equal(1_722_773_108_000, clock.ToEpochMillis(5_000_000, (Start * 1000) + 700));
        Assert.Equal(ClockResume.NoSavedMapping, clock.Resume);
    }

    [Fact]
    public void ToEpochMillis_NewMappingsAndCheckpoints_OnlyNewMappingsAskToBeDurableAtOnce()
    {
        var store = new MemoryClockStore();
        var clock = new DeviceClock(store, "serial");
        var host = Start * 1000;

        clock.ToEpochMillis(5_000_000, host);                 // first mapping
        for (var i = 1; i <= 6; i++)
        {
            clock.ToEpochMillis(5_000_000 + (i * 4_000_000), host + (i * 4_000_000));   // checkpoints every 10 s
        }
        var checkpoint = store.State;
        clock.ToEpochMillis(1_000_000, host + 30_000_000);     // the device went back: reset

        Assert.Equal(2, store.NewMappings);
        Assert.NotNull(checkpoint);
        Assert.Equal(5_000_000 + 24_000_000, checkpoint.LastRaw);
        Assert.Equal(1_000_000, store.State!.LastRaw);
    }

    public void Dispose() => _dir.Dispose();
}
