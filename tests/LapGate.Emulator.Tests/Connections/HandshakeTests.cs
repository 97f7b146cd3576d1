using LapGate.Protocol.Codec;

namespace LapGate.Emulator.Tests.Connections;

public sealed class HandshakeTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task ApiVersion_DefaultOptions_RepliesTheThreeFramesOfTheV7CaptureInOrder()
    {
        await using var client = await Emulator.ConnectAsync();

        await client.SendTextAsync("{\"type\":\"api_version\"}");
        var replies = new[] { await client.ReceiveTextAsync(), await client.ReceiveTextAsync(), await client.ReceiveTextAsync() };

        var expected = CaptureTranscript.Summary("api-v7-session.txt")
            .Where(f => f.Direction == CaptureDirection.AppToSensor)
            .Select(f => MessageCodec.Serialize(MessageCodec.Parse(f.Text)))
            .ToArray();
        Assert.Equal(3, expected.Length);
        Assert.Equal(expected, replies);
        Assert.StartsWith("{\"type\":\"update_controller_data\"", replies[0], StringComparison.Ordinal);
        Assert.Equal("{\"type\":\"update_server_info\",\"data\":{\"is_subscribed\":false}}", replies[1]);
        Assert.Equal("{\"type\":\"api_version\",\"data\":{\"api_version\":7}}", replies[2]);
    }

    [Fact]
    public async Task ApiVersion_ApiVersion6_RepliesApiVersion6Last()
    {
        await using var emulator = await TestEmulator.StartAsync(Output, o => o.ApiVersion = 6);
        await using var client = await emulator.ConnectAsync();

        var replies = await client.HandshakeAsync();

        Assert.IsType<UpdateControllerData>(replies[0]);
        Assert.Equal(new UpdateServerInfo(false), replies[1]);
        Assert.Equal(new ApiVersionReply(6), replies[2]);
    }

    [Fact]
    public async Task ApiVersion_SentTwice_RepliesTwice()
    {
        await using var client = await Emulator.ConnectAsync();

        await client.HandshakeAsync();
        var again = await client.HandshakeAsync();

        Assert.Equal(new ApiVersionReply(7), again[2]);
    }

    [Fact]
    public async Task ControllerSetZ_AfterHandshake_RegistersAsAnalogSensorAndLapsCount()
    {
        await using var client = await Emulator.ConnectAsync();
        await client.HandshakeAsync();

        await client.SendTextAsync("{\"type\":\"controller_set\",\"data\":{\"controller_id\":\"Z\"}}");
        await client.SendAsync(new AnalogLap(1000, 3));
        await client.SendAsync(new AnalogLap(5321, 3));

        await Emulator.WaitForRaceAsync(r => r.Find(3)?.Laps == 1);
        await Emulator.Logs.WaitForLineAsync("c1 registered as analog sensor");
        var race = await Emulator.GetRaceAsync();
        Assert.Equal(4321, race.Find(3)!.LastLapMs);
        Assert.Empty(race.Violations);
    }

    [Fact]
    public async Task ControllerSetNumber_ClientFollowingAController_IsNotASensor()
    {
        await using var client = await Emulator.ConnectAsync();
        await client.HandshakeAsync();

        await client.SendAsync(new ControllerSet("2"));
        await client.SendAsync(new AnalogLap(1000, 2));

        var race = await Emulator.WaitForRaceAsync(r => r.Violations.Count == 1);
        Assert.Equal("not_registered", race.Violations[0].Kind);
        await Emulator.Logs.WaitForLineAsync("c1 registered as client following controller 2");
    }

    [Fact]
    public async Task PlainHttpGet_Api_DescribesTheWebSocketEndpoint()
    {
        var text = await Emulator.Http.GetStringAsync("/api");

        Assert.Contains(Emulator.Server.WebSocketUri.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpGet_Root_ServesTheDashboardWhileTheUpgradeStillWorks()
    {
        using var page = await Emulator.Http.GetAsync("/");
        await using var sensor = await Emulator.ConnectAsync();

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"leaderboard\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, (await sensor.HandshakeAsync()).Count);
    }
}
