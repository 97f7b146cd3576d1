namespace LapGate.Bridge.Tests.Forwarding;

public class BridgeForwardingTests
{
    [Fact]
    public async Task Bridge_SensorHandshakeAndLaps_ReachAppAndRepliesComeBackInOrder()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;

        await client.SendTextAsync("""{"type":"api_version"}""");
        Assert.Equal("""{"type":"api_version"}""", await app.ReceiveTextAsync());
        foreach (var reply in StandInScript.CaptureReplies)
        {
            Assert.Equal(reply, await client.ReceiveTextAsync());
        }
        string[] sensorFrames =
        [
            """{"type":"controller_set","data":{"controller_id":"Z"}}""",
            """{"type":"analog_lap","data":{"timestamp":1722773108999,"controller_id":2}}""",
            """{"type":"analog_lap","data":{"timestamp":1722773109119,"controller_id":1}}""",
            """{"type":"analog_pit_enter","data":{"controller_id":2}}""",
        ];
        foreach (var frame in sensorFrames)
        {
            await client.SendTextAsync(frame);
        }
        foreach (var frame in sensorFrames)
        {
            Assert.Equal(frame, await app.ReceiveTextAsync());
        }
    }

    [Fact]
    public async Task Bridge_AppSendsUnasked_ClientReceivesWhileSendingItsOwn()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;

        var status = """{"type":"update_event_status","data":"running"}""";
        var lap = """{"type":"analog_lap","data":{"timestamp":5,"controller_id":3}}""";
        await Task.WhenAll(app.SendTextAsync(status), client.SendTextAsync(lap));

        Assert.Equal(status, await client.ReceiveTextAsync());
        Assert.Equal(lap, await app.ReceiveTextAsync());
    }

    [Fact]
    public async Task Bridge_BinaryFrames_ForwardedUnchangedBothWays()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;
        var up = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var down = new byte[70_000];
        Random.Shared.NextBytes(down);

        await client.SendBinaryAsync(up);
        await app.SendBinaryAsync(down);

        var atApp = await app.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Binary, atApp.Kind);
        Assert.Equal(up, atApp.Payload);
        var atClient = await client.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Binary, atClient.Kind);
        Assert.Equal(down, atClient.Payload);
    }

    [Fact]
    public async Task Bridge_FragmentedClientMessage_AppReceivesItWhole()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;
        string[] parts = ["{\"type\":\"analog_lap\",", "\"data\":{\"timestamp\":17,", "\"controller_id\":4}}"];

        for (var i = 0; i < parts.Length; i++)
        {
            await client.Socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(parts[i]), WebSocketMessageType.Text,
                endOfMessage: i == parts.Length - 1, CancellationToken.None).Within();
        }

        Assert.Equal(string.Concat(parts), await app.ReceiveTextAsync());
    }

    [Fact]
    public async Task Bridge_ClientCloses_AppGetsSameCodeAndReasonAndClientGetsAppsReply()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;

        await client.Socket.CloseAsync((WebSocketCloseStatus)4001, "sensor powered off", CancellationToken.None).Within();

        var atApp = await app.ReceiveAsync();
        Assert.True(atApp.IsClose);
        Assert.Equal(4001, atApp.CloseCode);
        Assert.Equal("sensor powered off", atApp.CloseReason);
        Assert.Equal((WebSocketCloseStatus)4001, client.Socket.CloseStatus);
        Assert.Equal(WebSocketState.Closed, client.Socket.State);
    }

    [Fact]
    public async Task Bridge_AppCloses_ClientGetsSameCodeAndReason()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;

        await app.CloseAsync(4002, "race over");

        var atClient = await client.ReceiveAsync();
        Assert.True(atClient.IsClose);
        Assert.Equal(4002, atClient.CloseCode);
        Assert.Equal("race over", atClient.CloseReason);
        await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "ok", CancellationToken.None).Within();
        var reply = await app.ReceiveAsync();
        Assert.True(reply.IsClose);
        Assert.Equal(1000, reply.CloseCode);
        await app.Ended.Within();
    }

    [Fact]
    public async Task Bridge_ClientAsksForOtherPathOrUpstream_OnlyConfiguredUpstreamIsUsed()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync("/elsewhere?upstream=ws://10.0.0.1:1/evil");
        using var _ = client;

        Assert.Equal("/app", app.Path);
        Assert.Equal(1, h.App.Connections);
    }
}
