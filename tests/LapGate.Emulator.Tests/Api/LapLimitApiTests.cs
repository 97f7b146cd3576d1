namespace LapGate.Emulator.Tests.Api;

/// <summary>The track's minimum and maximum lap time set over <c>POST /api/race/setup</c>.</summary>
public sealed class LapLimitApiTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task PostSetup_Limits_RejectedLapShownInTheSnapshot()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();

        var response = await Emulator.PostAsync("api/race/setup", """{"mode":"laps","laps":5,"minLapMs":2000,"maxLapMs":20000}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Emulator.PostOkAsync("api/race/start");
        await sensor.SendAsync(new AnalogLap(10_000, 2));
        await sensor.SendAsync(new AnalogLap(10_800, 2));
        await sensor.SendAsync(new AnalogLap(13_000, 2));

        var race = await Emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 1);
        Assert.Equal(2000, race.Setup.MinLapMs);
        Assert.Equal(20_000, race.Setup.MaxLapMs);
        Assert.Equal([3000L], race.Find(2)!.LapTimes);
        Assert.Equal(new RejectedLap(10_800, 800, RejectReasons.TooShort, 2000), Assert.Single(race.Find(2)!.RejectedLaps));
        await Emulator.Logs.WaitForLineAsync("800 ms not counted (too_short, limit 2000 ms)");
    }

    [Theory]
    [InlineData("""{"mode":"open","minLapMs":-1}""", "the minimum lap time must be 0..3600000 ms (got -1 ms)")]
    [InlineData("""{"mode":"open","maxLapMs":0}""", "the maximum lap time must be 1..3600000 ms (got 0 ms)")]
    [InlineData("""{"mode":"open","minLapMs":5000,"maxLapMs":5000}""", "the maximum lap time (5000 ms) must be more than the minimum (5000 ms)")]
    public async Task PostSetup_BadLimits_400SaysWhatIsWrong(string body, string expected)
    {
        var response = await Emulator.PostAsync("api/race/setup", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
