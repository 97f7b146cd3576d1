using CsCheck;

namespace LapGate.Sensor.Tests.Timing;

public class DeviceClockPropertyTests
{
    private const long HostStart = 1_722_773_108_000_000;

    // A 32-bit µs counter's start, then steps between triggers of up to 30 minutes (well under half a wrap).
    private static readonly Gen<(long Start, long[] Steps)> DeviceRun =
        Gen.Select(Gen.Long[0, DeviceClock.WrapMicros - 1], Gen.Long[0, 1_800_000_000].Array[1, 60]);

    private static readonly Gen<long[]> Arrivals = Gen.Long[0, 5_000_000_000].Array[61];

    [Fact]
    public void ToEpochMillis_AnyRunAcrossWraps_EveryIntervalIsTheDeviceInterval()
    {
        Gen.Select(DeviceRun, Arrivals).Sample((run, arrivals) =>
        {
            var clock = new DeviceClock();
            var extended = run.Start;
            var first = clock.ToEpochMillis(run.Start, HostStart);
            for (var i = 0; i < run.Steps.Length; i++)
            {
                extended += run.Steps[i];
                var mapped = clock.ToEpochMillis(extended % DeviceClock.WrapMicros, HostStart + arrivals[i]);

                Assert.Equal((extended / 1000) - (run.Start / 1000), mapped - first);
            }
            Assert.Equal(0, clock.Reanchors);
        }, iter: 2000);
    }

    [Fact]
    public void ToEpochMillis_SameDeviceTimesDifferentArrivals_SameResultsAfterTheAnchor()
    {
        Gen.Select(DeviceRun, Arrivals, Arrivals).Sample((run, early, late) =>
        {
            var a = new DeviceClock();
            var b = new DeviceClock();
            Assert.Equal(a.ToEpochMillis(run.Start, HostStart), b.ToEpochMillis(run.Start, HostStart));
            var raw = run.Start;
            for (var i = 0; i < run.Steps.Length; i++)
            {
                raw = (raw + run.Steps[i]) % DeviceClock.WrapMicros;

                Assert.Equal(a.ToEpochMillis(raw, HostStart + early[i]), b.ToEpochMillis(raw, HostStart + late[i]));
            }
        }, iter: 1000);
    }

    [Fact]
    public void ToEpochMillis_AnyRun_NeverGoesBackwards()
    {
        DeviceRun.Sample(run =>
        {
            var clock = new DeviceClock();
            var raw = run.Start;
            var last = clock.ToEpochMillis(raw, HostStart);
            foreach (var step in run.Steps)
            {
                raw = (raw + step) % DeviceClock.WrapMicros;
                var mapped = clock.ToEpochMillis(raw, HostStart);

                Assert.True(mapped >= last, $"{mapped} < {last}");
                last = mapped;
            }
        }, iter: 1000);
    }

    [Fact]
    public void ToEpochMillis_FirstDeviceTime_LandsOnTheArrivalMillisecond()
    {
        Gen.Select(Gen.Long[0, DeviceClock.WrapMicros - 1], Gen.Long[0, 1_000_000_000_000]).Sample((raw, hostMicros) =>
        {
            var clock = new DeviceClock();

            var mapped = clock.ToEpochMillis(raw, HostStart + hostMicros);

            Assert.Equal((HostStart + hostMicros) / 1000, mapped);
        }, iter: 2000);
    }
}
