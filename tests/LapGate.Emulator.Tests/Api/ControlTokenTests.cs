namespace LapGate.Emulator.Tests.Api;

public sealed class ControlTokenTests(ITestOutputHelper output)
{
    private const string Token = "track-night-42";

    [Theory]
    [InlineData("api/race/start")]
    [InlineData("api/race/stop")]
    [InlineData("api/race/reset")]
    [InlineData("api/faults")]
    [InlineData("api/race/setup")]
    public async Task Post_WithoutToken_Is401AndChangesNothing(string path)
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.ControlToken = Token);

        using var response = await emulator.PostAsync(path, "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Authorization: Bearer TOKEN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("idle", (await emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task Post_WrongToken_Is401()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.ControlToken = Token);

        using var response = await emulator.PostWithHeaderAsync("api/race/start", "Authorization", "Bearer track-night-43");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("wrong control token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TokenAsBearerOrHeader_IsAccepted()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.ControlToken = Token);
        emulator.SetUpOpenRace();

        using (var start = await emulator.PostWithHeaderAsync("api/race/start", "Authorization", "Bearer " + Token))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }
        using (var stop = await emulator.PostWithHeaderAsync("api/race/stop", "X-LapGate-Token", Token))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }
        Assert.Equal("ended", (await emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task Get_WithTokenConfigured_StaysOpen()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.ControlToken = Token);

        using var race = await emulator.Http.GetAsync("api/race");
        using var page = await emulator.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, race.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task WebSocket_WithTokenConfigured_SensorStillRegistersAndCounts()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.ControlToken = Token);
        await using var sensor = await emulator.ConnectSensorAsync();

        await sensor.SendAsync(new LapGate.Protocol.Messages.AnalogLap(1000, 1));
        await sensor.SendAsync(new LapGate.Protocol.Messages.AnalogLap(5200, 1));

        var race = await emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 1);
        Assert.Equal(4200, race.Find(1)!.LastLapMs);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has space in it")]
    public async Task Start_BadToken_IsAConfigurationError(string token)
    {
        var message = await TestEmulator.StartRefusedAsync(output, o => o.ControlToken = token);
        Assert.Contains("ControlToken", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverTheFrameLimit_Is413()
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        using var response = await emulator.PostAsync("api/race/setup", "{\"mode\":\"laps\",\"pad\":\"" + new string('x', 100_000) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
