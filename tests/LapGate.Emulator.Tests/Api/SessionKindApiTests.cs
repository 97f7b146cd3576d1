namespace LapGate.Emulator.Tests.Api;

/// <summary><c>kind</c> in <c>POST /api/race/setup</c>: practice, qualifying, race.</summary>
public sealed class SessionKindApiTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task PostSetup_Qualifying_KindInTheSnapshot()
    {
        var response = await Emulator.PostAsync("api/race/setup", """{"kind":"qualifying","mode":"laps","laps":3}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RaceSetup.ForLaps(3) with { Kind = RaceKinds.Qualifying }, (await Emulator.GetRaceAsync()).Setup);
        Assert.Contains("\"kind\":\"qualifying\"", await Emulator.Http.GetStringAsync("api/race"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostStart_Practice_409SaysItCannotBeStarted()
    {
        await Emulator.PostOkAsync("api/race/setup", """{"kind":"practice"}""");

        var start = await Emulator.PostAsync("api/race/start");

        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Contains("cannot be started or ended", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RaceSetup.Practice, (await Emulator.GetRaceAsync()).Setup);
    }

    [Theory]
    [InlineData("""{"kind":"sprint","mode":"open"}""", "kind must be \\u0022race\\u0022")]
    [InlineData("""{"kind":"practice","mode":"laps","laps":5}""", "free practice has no finish")]
    public async Task PostSetup_BadKind_400SaysWhatIsWrong(string body, string expected)
    {
        var response = await Emulator.PostAsync("api/race/setup", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
