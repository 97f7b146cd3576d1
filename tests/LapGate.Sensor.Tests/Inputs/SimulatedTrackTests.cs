namespace LapGate.Sensor.Tests.Inputs;

public class SimulatedTrackTests
{
    private static List<GatePass> Race(SimulatorOptions options)
    {
        var race = new SimulatedRace(options, options.Config ?? SimulatedTrack.CreateConfig(options.Cars));
        var passes = new List<GatePass>();
        while (race.Next() is { } pass)
        {
            passes.Add(pass);
        }
        return passes;
    }

    [Fact]
    public void Next_SameSeed_SameRace()
    {
        var options = new SimulatorOptions { Cars = 3, Laps = 5, Seed = 7 };

        Assert.Equal(Race(options), Race(options));
    }

    [Fact]
    public void Next_LapsGiven_LeaderCompletesThemAndOthersFinishTheirLap()
    {
        var passes = Race(new SimulatorOptions { Cars = 4, Laps = 5, Seed = 3, DoubleTriggerProbability = 0 });

        var crossings = passes.Where(p => p.IsLapEnd).GroupBy(p => p.Car).Select(g => g.Count()).ToArray();
        Assert.Equal(6, crossings.Max());
        Assert.All(crossings, c => Assert.InRange(c, 5, 6));
        Assert.Equal(passes.Select(p => p.At).Order(), passes.Select(p => p.At));
    }

    [Fact]
    public void Next_EveryLapAPitStop_PitEnterThenPitLeaveOrFlpl()
    {
        var passes = Race(new SimulatorOptions { Cars = 2, Laps = 3, Seed = 1, PitProbability = 1, DoubleTriggerProbability = 0 });

        var lane1 = passes.Where(p => p.Car == 0).Select(p => p.Pin).ToArray();
        var lane2 = passes.Where(p => p.Car == 1).Select(p => p.Pin).ToArray();
        Assert.Equal([21, 31, 41, 21, 31, 41, 21, 31, 41, 21], lane1);
        Assert.Equal([22, 32, 22, 32, 22, 32, 22], lane2);
    }

    [Fact]
    public void Next_DoubleTriggers_FollowWithinDebounceTime()
    {
        var passes = Race(new SimulatorOptions { Cars = 4, Laps = 20, Seed = 5, DoubleTriggerProbability = 0.2 });

        var doubles = passes.Zip(passes.Skip(1)).Where(p => p.First.Pin == p.Second.Pin && p.Second.At - p.First.At < TimeSpan.FromMilliseconds(SensorConfig.DefaultDebounceMs)).Count();
        Assert.InRange(doubles, 5, passes.Count);
    }

    [Fact]
    public async Task ReadAsync_FakeClock_PacedByTheTimeProvider()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var start = time.GetTimestamp();
        var track = new SimulatedTrack(new SimulatorOptions { Cars = 2, Laps = 2, Seed = 2, TimeProvider = time, DoubleTriggerProbability = 0, PitProbability = 0 });
        var triggers = new List<Trigger>();

        await using var reader = track.ReadAsync(CancellationToken.None).GetAsyncEnumerator();
        for (var steps = 0; steps < 100_000; steps++)
        {
            var next = reader.MoveNextAsync();
            while (!next.IsCompleted)
            {
                time.Advance(TimeSpan.FromMilliseconds(1));
            }
            if (!await next)
            {
                break;
            }
            triggers.Add(reader.Current);
        }

        var schedule = Race(new SimulatorOptions { Cars = 2, Laps = 2, Seed = 2, DoubleTriggerProbability = 0, PitProbability = 0 });
        Assert.Equal(schedule.Select(p => p.Pin), triggers.Select(t => t.Pin));
        Assert.All(triggers, t => Assert.Null(t.DeviceTimeMicros));
        Assert.All(triggers.Zip(schedule), p => Assert.True(time.GetElapsedTime(start, p.First.HostTimestamp) >= p.Second.At, "a trigger came before its time"));
        Assert.Equal(triggers.Select(t => t.HostTimestamp).Order(), triggers.Select(t => t.HostTimestamp));
    }

    [Fact]
    public void Next_ConfigWithGapsInLanes_RacesOnTheConfiguredLanes()
    {
        var config = new SensorConfig([new SensorEntry(5, 3, TrackPoint.FL), new SensorEntry(6, 7, TrackPoint.FLPL), new SensorEntry(7, 7, TrackPoint.PE)]);

        var passes = Race(new SimulatorOptions { Cars = 2, Laps = 2, Config = config, DoubleTriggerProbability = 0, PitProbability = 0 });

        Assert.Equal([5, 6], passes.Select(p => p.Pin).Distinct().Order());
        Assert.Throws<ArgumentException>(() => new SimulatedTrack(new SimulatorOptions { Cars = 3, Config = config }));
    }
}
