namespace LapGate.Emulator.Tests.Api;

public sealed class RaceSetupApiTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task PostSetup_Laps_ShownInTheRaceAndFinishBroadcast()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();

        var setup = await Emulator.PostAsync("api/race/setup", """{"mode":"laps","laps":2}""");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal(RaceSetup.ForLaps(2), (await Emulator.GetRaceAsync()).Setup);
        await Emulator.PostOkAsync("api/race/start");
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveMessageAsync());

        await sensor.SendAsync(new AnalogLap(1000, 4));
        await sensor.SendAsync(new AnalogLap(4321, 4));
        await sensor.SendAsync(new AnalogLap(8642, 4));

        Assert.Equal(new UpdateEventStatus(EventStatus.Ended), await sensor.ReceiveMessageAsync());
        var race = await Emulator.GetRaceAsync();
        Assert.Equal("ended", race.State);
        Assert.Equal(FinishReasons.Laps, race.FinishReason);
        Assert.Equal(4, race.WinnerId);
        await Emulator.Logs.WaitForLineAsync("race finished (laps); winner: controller 4");
    }

    [Fact]
    public async Task PostSetup_Time_EndsOnTheEmulatorsClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));
        await using var emulator = await TestEmulator.StartAsync(Output, o => o.TimeProvider = clock);

        await emulator.PostOkAsync("api/race/setup", """{"mode":"time","minutes":0.5}""");
        await emulator.PostOkAsync("api/race/start");
        var running = await emulator.GetRaceAsync();
        Assert.Equal(30_000, running.RemainingMs);
        Assert.Equal(clock.GetUtcNow().AddSeconds(30), running.EndsAt);

        clock.Advance(TimeSpan.FromSeconds(30));

        var ended = await emulator.GetRaceAsync();
        Assert.Equal("ended", ended.State);
        Assert.Equal(FinishReasons.Time, ended.FinishReason);
    }

    [Fact]
    public async Task PostSetup_CommentsAndTrailingCommas_Accepted()
    {
        var response = await Emulator.PostAsync("api/race/setup", """{"mode":"laps", /* a short one */ "laps":5,}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RaceSetup.ForLaps(5), (await Emulator.GetRaceAsync()).Setup);
    }

    [Fact]
    public async Task PostSetup_SeveralMistakes_400ListsEveryOne()
    {
        var response = await Emulator.PostAsync("api/race/setup", """{"mode":"laps","laps":5.5,"minLapMs":"x","colour":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await TestEmulator.ReadErrorAsync(response);
        Assert.Equal(
            ["laps: expected a whole number, got 5.5", "minLapMs: expected a whole number, got the string \"x\"", "unknown field \"colour\""],
            error.Problems);
        Assert.Equal("POST /api/race/setup: 3 mistakes: " + string.Join("; ", error.Problems!), error.Error);
        Assert.Equal(RaceSetup.Practice, (await Emulator.GetRaceAsync()).Setup);
    }

    [Theory]
    [InlineData("""{"mode":"laps"}""", "needs \"laps\"")]
    [InlineData("""{"mode":"laps","laps":0}""", "laps must be 1..10000")]
    [InlineData("""{"mode":"time","minutes":-1}""", "needs \"minutes\"")]
    [InlineData("""{"mode":"sprint"}""", "\"mode\" must be")]
    [InlineData("""{"mode":"Laps","laps":5}""", "\"mode\" must be")]
    [InlineData("""{"mode":"laps","laps":5,"laps":6}""", "laps: given twice")]
    [InlineData("""{"laps":5}""", "(got nothing)")]
    [InlineData("""{"mode":"laps","laps":"x"}""", "laps: expected a whole number, got the string \"x\"")]
    [InlineData("""{"mode":"laps","laps":5.5}""", "laps: expected a whole number, got 5.5")]
    [InlineData("""{"Mode":"laps","laps":5}""", "unknown field \"Mode\" (did you mean \"mode\"?)")]
    [InlineData("""{"mode":"laps","lap":5}""", "unknown field \"lap\" (did you mean \"laps\"?)")]
    [InlineData("", "the request body is empty")]
    [InlineData("[]", "expected {\"mode\":\"laps\",\"laps\":N}")]
    [InlineData("null", "expected {")]
    [InlineData("{", "invalid JSON")]
    public async Task PostSetup_BadBody_400SaysWhatIsWrong(string body, string expected)
    {
        var response = await Emulator.PostAsync("api/race/setup", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await TestEmulator.ReadErrorAsync(response);
        Assert.StartsWith("POST /api/race/setup: ", error.Error, StringComparison.Ordinal);
        Assert.Contains(expected, error.Error, StringComparison.Ordinal);
        Assert.Equal(RaceSetup.Practice, (await Emulator.GetRaceAsync()).Setup);
    }

    [Fact]
    public async Task PostSetup_WhileRunning_409()
    {
        await Emulator.PostOkAsync("api/race/setup", """{"mode":"open"}""");
        await Emulator.PostOkAsync("api/race/start");

        var response = await Emulator.PostAsync("api/race/setup", """{"mode":"laps","laps":5}""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task GetSetup_NotAllowed_StateChangesArePostOnly()
    {
        foreach (var path in new[] { "api/race/setup", "api/race/start", "api/race/stop", "api/race/reset" })
        {
            using var response = await Emulator.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        }
        Assert.Equal("idle", (await Emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task GetRace_OldFields_StillThereWithTheNewOnes()
    {
        var json = await Emulator.Http.GetStringAsync("api/race");

        foreach (var field in new[] { "\"state\":", "\"session\":", "\"controllers\":", "\"duplicatesIgnored\":", "\"violations\":",
            "\"setup\":{\"mode\":\"open\"", "\"finishReason\":", "\"winnerId\":", "\"remainingMs\":" })
        {
            Assert.Contains(field, json, StringComparison.Ordinal);
        }
    }
}
