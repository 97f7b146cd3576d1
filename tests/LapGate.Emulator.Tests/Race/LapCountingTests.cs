namespace LapGate.Emulator.Tests.Race;

/// <summary>Laps, pits and duplicates sent over a real WebSocket and read back through <c>GET /api/race</c>.</summary>
public sealed class LapCountingTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task AnalogLaps_CaptureTimestamps_LastAndBestToTheMillisecond()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();

        // The v7 capture's crossings.
        long[][] frames = [[1722773108999, 2], [1722773109119, 1], [1722773112733, 2], [1722773112764, 1],
            [1722773115457, 2], [1722773115528, 1], [1722773128339, 1], [1722773128345, 2]];
        foreach (var f in frames)
        {
            await sensor.SendAsync(new AnalogLap(f[0], (int)f[1]));
        }
        await Emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 3 && r.Find(2)?.Laps == 3);

        var race = await Emulator.GetRaceAsync();
        var one = race.Find(1)!;
        var two = race.Find(2)!;
        Assert.Equal([3645, 2764, 12811], one.LapTimes);
        Assert.Equal(12811, one.LastLapMs);
        Assert.Equal(2764, one.BestLapMs);
        Assert.Equal([3734, 2724, 12888], two.LapTimes);
        Assert.Equal(12888, two.LastLapMs);
        Assert.Equal(2724, two.BestLapMs);
        // Same laps: the earlier last crossing leads; the gap is the difference of the last crossings.
        Assert.Equal(1, one.Position);
        Assert.Equal(2, two.Position);
        Assert.Equal(0, one.GapMs);
        Assert.Equal(6, two.GapMs);
        Assert.Equal("Gigi", one.Driver);
        Assert.Equal("Ferrari 488", two.Car);
    }

    [Fact]
    public async Task AnalogLap_ExactDuplicate_IgnoredAndCounted()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();

        await sensor.SendAsync(new AnalogLap(10_000, 1));
        await sensor.SendAsync(new AnalogLap(14_200, 1));
        await sensor.SendAsync(new AnalogLap(14_200, 1));
        await sensor.SendAsync(new AnalogLap(10_000, 1));
        await sensor.SendAsync(new AnalogLap(18_400, 1));

        await Emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 2);
        var race = await Emulator.GetRaceAsync();
        Assert.Equal(2, race.DuplicatesIgnored);
        Assert.Equal([4200, 4200], race.Find(1)!.LapTimes);
        Assert.Empty(race.Violations);
    }

    [Fact]
    public async Task AnalogLap_OlderThanLastCrossing_ViolationAndNotCounted()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();

        await sensor.SendAsync(new AnalogLap(10_000, 4));
        await sensor.SendAsync(new AnalogLap(15_000, 4));
        await sensor.SendAsync(new AnalogLap(12_000, 4));

        var race = await Emulator.WaitForRaceAsync(r => r.Violations.Count == 1);
        var violation = Assert.Single(race.Violations);
        Assert.Equal("lap_out_of_order", violation.Kind);
        Assert.Equal("c1", violation.Connection);
        var four = (await Emulator.GetRaceAsync()).Find(4)!;
        Assert.Equal(1, four.Laps);
        Assert.Equal(5000, four.LastLapMs);
        Assert.All(four.LapTimes, t => Assert.True(t > 0));
    }

    [Fact]
    public async Task PitEnterAndLeave_CountsStopsAndInPitState()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();

        await sensor.SendAsync(new AnalogPitEnter(2));
        var inPit = await Emulator.WaitForRaceAsync(r => r.Find(2)?.InPit == true);
        Assert.Equal(1, inPit.Find(2)!.PitStops);
        Assert.True((await Emulator.GetRaceAsync()).Find(2)!.InPit);

        await sensor.SendAsync(new AnalogPitEnter(2));
        await sensor.SendAsync(new AnalogPitLeave(2));
        await sensor.SendAsync(new AnalogPitEnter(2));
        await sensor.SendAsync(new AnalogPitLeave(2));
        await Emulator.WaitForRaceAsync(r => r.Find(2) is { PitStops: 2, InPit: false });

        var two = (await Emulator.GetRaceAsync()).Find(2)!;
        Assert.Equal(2, two.PitStops);
        Assert.False(two.InPit);
    }

    [Fact]
    public async Task Positions_MoreLapsLeadThenEarlierCrossing_GapAgainstLeadersSameCrossing()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();

        await sensor.SendAsync(new AnalogLap(1_000, 3));
        await sensor.SendAsync(new AnalogLap(1_100, 5));
        await sensor.SendAsync(new AnalogLap(5_000, 3));
        await sensor.SendAsync(new AnalogLap(5_500, 5));
        await sensor.SendAsync(new AnalogLap(9_000, 3));

        var race = await Emulator.WaitForRaceAsync(r => r.Find(3)?.Laps == 2);
        var three = race.Find(3)!;
        var five = race.Find(5)!;
        Assert.Equal(1, three.Position);
        Assert.Equal(2, five.Position);
        Assert.Equal(500, five.GapMs);
        Assert.Equal(1, five.GapLaps);
        // Controllers without activity come after, by id.
        Assert.Equal([3, 5, 1, 2, 4, 6], race.Controllers.Select(c => c.Id));
    }

    [Fact]
    public async Task AnalogLaps_FourSensorsAtOnce_EveryLapCountedExactly()
    {
        const int crossings = 200;

        async Task RunSensorAsync(int controller)
        {
            await using var sensor = await Emulator.ConnectSensorAsync();
            for (var i = 0; i < crossings; i++)
            {
                // Lap i takes 3000 + i ms (+ the controller id), so every lap time is known.
                await sensor.SendAsync(new AnalogLap(Crossing(controller, i), controller));
            }
        }
        await Task.WhenAll(Enumerable.Range(1, 4).Select(RunSensorAsync));

        var race = await Emulator.WaitForRaceAsync(r => Enumerable.Range(1, 4).All(c => r.Find(c)?.Laps == crossings - 1));
        foreach (var controller in Enumerable.Range(1, 4))
        {
            var expected = Enumerable.Range(1, crossings - 1).Select(i => Crossing(controller, i) - Crossing(controller, i - 1));
            Assert.Equal(expected, race.Find(controller)!.LapTimes);
        }
        Assert.Equal(0, race.DuplicatesIgnored);
        Assert.Empty(race.Violations);
    }

    private static long Crossing(int controller, int index) =>
        1_722_773_100_000L + (index * 3000L) + ((long)index * (index - 1) / 2) + (index * controller);
}
