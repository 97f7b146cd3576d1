namespace LapGate.Faults.Tests.Sensor;

/// <summary>The real sensor pipeline against the real emulator through a TCP relay that cuts or silences the link.</summary>
public class LinkFaultTests
{
    [Fact]
    public async Task Sensor_ThreeCutsInTwentyLaps_EveryLapArrivesOnceWithItsExactTime()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });
        await using var relay = new TcpRelay(emulator.Port);
        await using var sensor = new SensorHarness(relay.WebSocketUri);
        var plan = new LapPlan(20);
        sensor.Start();

        var cuts = 0;
        var inFlightAtCuts = 0;
        for (var i = 0; i < plan.Count; i++)
        {
            plan.Feed(sensor.Input, i);
            await RaceWait.CrossingsAsync(emulator, i + 1);
            if (i + 1 is 6 or 12 or 18)
            {
                inFlightAtCuts += sensor.Runner.Status.EventsPending;
                relay.CutOpenConnections();
                await sensor.WaitForDropsAsync(++cuts);
            }
        }
        await sensor.FinishAsync();

        var race = emulator.Race.Snapshot();
        plan.AssertExact(race);
        Assert.Equal(20, race.Controllers.Sum(c => c.Laps));
        Assert.Equal(3, sensor.Drops.Count);
        Assert.All(sensor.Drops, d => Assert.Equal(ReconnectCause.ConnectionLost, d.Cause));
        // Only frames not yet confirmed when the link was cut are sent again; the emulator ignores the copies.
        Assert.InRange(race.DuplicatesIgnored, 1, inFlightAtCuts);
        Assert.Equal(0, sensor.Runner.Status.EventsPending);
    }

    [Fact]
    public async Task Sensor_LinkGoesSilentWithoutClosing_DetectedWithin3SecondsAndNothingLost()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });
        await using var relay = new TcpRelay(emulator.Port);
        await using var sensor = new SensorHarness(relay.WebSocketUri);
        var plan = new LapPlan(10);
        sensor.Start();
        for (var i = 0; i < 4; i++)
        {
            plan.Feed(sensor.Input, i);
            await RaceWait.CrossingsAsync(emulator, i + 1);
        }

        var silentAt = sensor.Elapsed;
        relay.SilenceOpenConnections();
        plan.Feed(sensor.Input, 4);
        await sensor.WaitForDropsAsync(1);
        var detectedAfter = sensor.Drops[0].At - silentAt;

        for (var i = 5; i < plan.Count; i++)
        {
            plan.Feed(sensor.Input, i);
            await RaceWait.CrossingsAsync(emulator, i + 1);
        }
        await sensor.FinishAsync();

        Assert.Equal(ReconnectCause.ConnectionLost, sensor.Drops[0].Cause);
        Assert.True(detectedAfter < TimeSpan.FromSeconds(3), $"a silent link was noticed only after {detectedAfter.TotalMilliseconds:0} ms");
        plan.AssertExact(emulator.Race.Snapshot());
    }

    [Fact]
    public async Task Sensor_AppRestartedMidRaceOnTheSameDatabase_StandingsCompleteAndExact()
    {
        using var dir = new LapGate.TestSupport.TempDirectory();
        var options = new EmulatorOptions { Port = 0, DatabasePath = dir.File("race.db") };
        var first = await EmulatorServer.StartAsync(options);
        await using var relay = new TcpRelay(first.Port);
        await using var sensor = new SensorHarness(relay.WebSocketUri);
        var plan = new LapPlan(20);
        sensor.Start();
        for (var i = 0; i < 9; i++)
        {
            plan.Feed(sensor.Input, i);
            await RaceWait.CrossingsAsync(first, i + 1);
        }

        await first.DisposeAsync();
        await sensor.WaitForDropsAsync(1);
        plan.Feed(sensor.Input, 9);
        plan.Feed(sensor.Input, 10);
        await using var second = await EmulatorServer.StartAsync(options);
        relay.TargetPort = second.Port;
        for (var i = 11; i < plan.Count; i++)
        {
            plan.Feed(sensor.Input, i);
            await RaceWait.CrossingsAsync(second, i + 1);
        }
        await sensor.FinishAsync();

        var race = second.Race.Snapshot();
        plan.AssertExact(race);
        Assert.Equal(20, race.Controllers.Sum(c => c.Laps));
        Assert.True(race.DuplicatesIgnored <= 9, $"{race.DuplicatesIgnored} duplicates: more than were in flight");
    }
}
