namespace LapGate.Emulator.Tests.Race;

/// <summary>Nothing a sensor reports is dropped silently: a controller missing from the drivers data is listed once it reported.</summary>
public sealed class UnlistedControllerTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task ApiRace_CrossingsOfControllers7And8BeforeStart_ListedWithTheirRejections()
    {
        Assert.True(Emulator.Race.Setup(RaceSetup.ForLaps(5)).Accepted);
        Assert.DoesNotContain((await Emulator.GetRaceAsync()).Controllers, c => c.Id is 7 or 8);
        await using var sensor = await Emulator.ConnectSensorAsync();

        await sensor.SendAsync(new AnalogLap(1000, 7));
        await sensor.SendAsync(new AnalogLap(1200, 8));
        await sensor.SendAsync(new AnalogLap(5200, 8));
        await Emulator.WaitForRaceAsync(r => r.Find(8)?.RejectedCount == 2);

        var race = (await Emulator.Http.GetFromJsonAsync("api/race", EmulatorJsonContext.Default.RaceSnapshot))!;
        var seven = race.Find(7);
        var eight = race.Find(8);
        Assert.NotNull(seven);
        Assert.NotNull(eight);
        Assert.Equal([RejectReasons.BeforeStart], seven.RejectedLaps.Select(r => r.Reason));
        Assert.Equal([RejectReasons.BeforeStart, RejectReasons.BeforeStart], eight.RejectedLaps.Select(r => r.Reason));
        Assert.Equal(0, eight.Laps);
    }
}
