using LapGate.Emulator.Race;
using LapGate.Sensor.Timing;

namespace LapGate.Faults.Tests.Support;

/// <summary>
/// A race on two lanes (pins 21 and 22) as device times: crossings alternate lanes, lap times with odd
/// microseconds, and the 32-bit device counter wraps during the race. Knows every exact lap time.
/// </summary>
public sealed class LapPlan
{
    public const string TrackJson = """{"sensors":[{"pin":21,"lane":1,"point":"FL"},{"pin":22,"lane":2,"point":"FL"}]}""";

    private readonly List<(int Pin, int Lane, long Extended)> _crossings = [];

    /// <summary><paramref name="laps"/> laps in all: each lane crosses laps/2 + 1 times (the first crossing starts its count).</summary>
    public LapPlan(int laps)
    {
        Assert.True(laps % 2 == 0);
        var perLane = (laps / 2) + 1;
        var time = DeviceClock.WrapMicros - 9_876_543;
        for (var i = 0; i < perLane; i++)
        {
            _crossings.Add((21, 1, time));
            time += 1_234_567 + (i * 7_919);
            _crossings.Add((22, 2, time));
            time += 2_345_671 + (i * 104_729 % 1_000_003);
        }
    }

    public int Count => _crossings.Count;

    public int Laps => _crossings.Count - 2;

    public (int Pin, long RawMicros) this[int index] =>
        (_crossings[index].Pin, _crossings[index].Extended % DeviceClock.WrapMicros);

    public void Feed(FeedSource source, int index)
    {
        var (pin, raw) = this[index];
        source.Trigger(pin, raw);
    }

    /// <summary>The exact lap times of a lane in ms: differences of the device times floored to whole ms.</summary>
    public IReadOnlyList<long> ExpectedLapTimes(int lane)
    {
        var ms = _crossings.Where(c => c.Lane == lane).Select(c => c.Extended / 1000).ToArray();
        return [.. ms.Zip(ms.Skip(1), (a, b) => b - a)];
    }

    /// <summary>Every lap counted once with its exact time, no violations.</summary>
    public void AssertExact(RaceSnapshot race)
    {
        Assert.Empty(race.Violations);
        foreach (var lane in (int[])[1, 2])
        {
            var standing = race.Find(lane);
            Assert.NotNull(standing);
            Assert.Equal(ExpectedLapTimes(lane), standing.LapTimes);
        }
    }

    /// <summary>Crossings counted by the emulator so far (both lanes).</summary>
    public static int Crossings(RaceSnapshot race) => race.Controllers.Sum(c => c.LastCrossing is null ? 0 : c.Laps + 1);
}
