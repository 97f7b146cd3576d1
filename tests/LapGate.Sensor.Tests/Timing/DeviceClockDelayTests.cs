using CsCheck;

namespace LapGate.Sensor.Tests.Timing;

/// <summary>The least-delay estimate of the device clock, and lines whose device time steps back.</summary>
public class DeviceClockDelayTests
{
    private const long HostStart = 1_722_773_108_000_000;

    [Fact]
    public void TryToEpochMillis_StepBackThatCannotBeAReset_RefusedAndTheLapsStayTheDeviceIntervals()
    {
        // Device seconds 1, 2, 3, then a line claiming 2.5 (out of order), then 4, 5, 6: each arriving 1 ms after
        // its device time. 2.5 s cannot be a restarted board: only 0.5 s passed since the 3.0 s line.
        var clock = new DeviceClock();
        long[] device = [1_000_000, 2_000_000, 3_000_000, 2_500_000, 4_000_000, 5_000_000, 6_000_000];
        var arrival = HostStart;
        var stamps = new List<long>();
        string? refused = null;
        foreach (var raw in device)
        {
            arrival = Math.Max(arrival, HostStart + raw + 1_000);
            if (clock.TryToEpochMillis(raw, arrival, out var ms, out var problem))
            {
                stamps.Add(ms);
            }
            else
            {
                refused = problem;
            }
        }

        Assert.Equal([1000L, 1000, 1000, 1000, 1000], stamps.Zip(stamps.Skip(1), (a, b) => b - a));
        Assert.Equal(0, clock.Reanchors);
        Assert.NotNull(refused);
        Assert.Contains("2.5 s is earlier than the previous line's 3.0 s", refused, StringComparison.Ordinal);
        Assert.Contains("out of order", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void TryToEpochMillis_StepBackToWhatARestartedBoardWouldShow_IsAReset()
    {
        // The board was at 600 s; a line at 1.2 s arrives 3 s later: it restarted meanwhile.
        var clock = new DeviceClock();
        clock.ToEpochMillis(600_000_000, HostStart);

        Assert.True(clock.TryToEpochMillis(1_200_000, HostStart + 3_000_000, out var ms, out _));
        Assert.Equal(1, clock.Reanchors);
        Assert.Equal((HostStart + 3_000_000) / 1000, ms);
    }

    [Fact]
    public void TryToEpochMillis_FirstLineWaited_QuickerLinesRefineTheLeastOffsetAndLapsStayExact()
    {
        var clock = new DeviceClock();
        var a = clock.ToEpochMillis(10_000_000, HostStart + 10_000_000 + 252_000);
        var b = clock.ToEpochMillis(11_000_000, HostStart + 11_000_000 + 3_000);
        var c = clock.ToEpochMillis(12_000_000, HostStart + 12_000_000 + 900);
        var d = clock.ToEpochMillis(13_000_000, HostStart + 13_000_000 + 40_000);

        Assert.Equal(HostStart + 900, clock.LeastOffsetMicros);
        Assert.Equal([1000L, 1000, 1000], new[] { b - a, c - b, d - c });
    }

    // Run 1: the first line waited in a pipe or a driver buffer (up to 2 s), the later ones up to 40 ms; the sensor is
    // down up to 10 min; run 2's first line is prompt (up to 2 ms). Steps of up to 5 s between lines.
    private static readonly Gen<(long Start, long FirstWait, long[] Steps, long[] Delays, long Down, long LastDelay)> WaitedStart =
        Gen.Select(Gen.Long[0, DeviceClock.WrapMicros - 1], Gen.Long[0, 2_000_000], Gen.Long[1, 5_000_000].Array[1, 8],
            Gen.Long[0, 40_000].Array[8], Gen.Long[0, 600_000_000], Gen.Long[0, 2_000]);

    [Fact]
    public void ToEpochMillis_FirstLineOfTheRunWaited_RestartResumesAndTheSpanningLapIsExact()
    {
        WaitedStart.Sample((start, firstWait, steps, delays, down, lastDelay) =>
        {
            var store = new MemoryClockStore();
            var first = new DeviceClock(store, "serial");
            var device = start;
            var before = first.ToEpochMillis(device, HostStart + firstWait);
            // At least one quick line (1 ms) in the run, as any running board sends.
            delays[0] = Math.Min(delays[0], 1_000);
            for (var i = 0; i < steps.Length; i++)
            {
                device += steps[i];
                var arrival = HostStart + (device - start) + delays[i];
                before = first.ToEpochMillis(device % DeviceClock.WrapMicros, arrival);
            }
            var lastDevice = device;
            device += down;
            var second = new DeviceClock(store, "serial");

            var after = second.ToEpochMillis(device % DeviceClock.WrapMicros, HostStart + (device - start) + lastDelay);

            Assert.Equal(ClockResume.Resumed, second.Resume);
            Assert.Equal((device / 1000) - (lastDevice / 1000), after - before);
        }, iter: 2000);
    }

    [Fact]
    public void TryToEpochMillis_AnyOutOfOrderLine_ChangesNoLaterStamp()
    {
        // A run of increasing device times with arrivals after them; a copy with a stale line (an earlier device
        // time, arriving within the step that follows it) slipped in: every other line is stamped the same.
        Gen.Select(Gen.Long[5_000_000, 100_000_000], Gen.Long[100_000, 5_000_000].Array[2, 20], Gen.Int[1, 19], Gen.Long[1, 1_000_000])
            .Sample((start, steps, at, back) =>
            {
                var index = Math.Min(at, steps.Length - 1);
                var plain = new DeviceClock();
                var withStale = new DeviceClock();
                var device = start;
                Assert.Equal(plain.ToEpochMillis(device, HostStart + device + 500), withStale.ToEpochMillis(device, HostStart + device + 500));
                for (var i = 0; i < steps.Length; i++)
                {
                    if (i == index)
                    {
                        Assert.False(withStale.TryToEpochMillis(Math.Max(0, device - back), HostStart + device + 700, out _, out _));
                    }
                    device += steps[i];
                    var arrival = HostStart + device + 500;
                    Assert.Equal(plain.ToEpochMillis(device, arrival), withStale.ToEpochMillis(device, arrival));
                }
                Assert.Equal(0, withStale.Reanchors);
            }, iter: 1000);
    }
}
