using CsCheck;

namespace LapGate.Sensor.Tests.Timing;

public class DeviceClockResumePropertyTests
{
    private const long HostStart = 1_722_773_108_000_000;

    // The device's counter at the first trigger, steps between triggers of the first run (up to 30 s), the time the
    // sensor is down (up to 60 min), and arrival delays of up to 40 ms (USB, a busy host).
    private static readonly Gen<(long Start, long[] Steps, long Down, long[] Delays)> Restart =
        Gen.Select(Gen.Long[0, DeviceClock.WrapMicros - 1], Gen.Long[1, 30_000_000].Array[0, 20],
            Gen.Long[0, 3_600_000_000], Gen.Long[0, 40_000].Array[22]);

    [Fact]
    public void ToEpochMillis_DeviceKeptRunningAcrossAnyRestart_ResumesAndSpanningIntervalIsExact()
    {
        Restart.Sample((start, steps, down, delays) =>
        {
            var store = new MemoryClockStore();
            var first = new DeviceClock(store, "stdin");
            var device = start;
            var before = first.ToEpochMillis(device, HostStart + delays[0]);
            for (var i = 0; i < steps.Length; i++)
            {
                device += steps[i];
                before = first.ToEpochMillis(device % DeviceClock.WrapMicros, HostStart + (device - start) + delays[i + 1]);
            }
            var lastDevice = device;
            device += down;
            var second = new DeviceClock(store, "stdin");

            var after = second.ToEpochMillis(device % DeviceClock.WrapMicros, HostStart + (device - start) + delays[^1]);

            Assert.Equal(ClockResume.Resumed, second.Resume);
            Assert.Equal((device / 1000) - (lastDevice / 1000), after - before);
        }, iter: 2000);
    }

    [Fact]
    public void ToEpochMillis_DeviceResetToAnyTime_ResumesOnlyWithinToleranceOfTheHost()
    {
        Gen.Select(Gen.Long[0, DeviceClock.WrapMicros - 1], Gen.Long[0, DeviceClock.WrapMicros - 1], Gen.Long[0, 600_000_000])
            .Sample((start, afterReset, down) =>
            {
                var store = new MemoryClockStore();
                _ = new DeviceClock(store, "stdin").ToEpochMillis(start, HostStart);
                var second = new DeviceClock(store, "stdin");
                var arrival = HostStart + down;

                var mapped = second.ToEpochMillis(afterReset, arrival);

                // Whatever the new counter reads, a reused mapping is never further from the host than the tolerance.
                var tolerance = DeviceClock.ToleranceMicros(down);
                Assert.InRange(mapped * 1000, arrival - tolerance - 1000, arrival + tolerance + 1000);
            }, iter: 5000);
    }
}
