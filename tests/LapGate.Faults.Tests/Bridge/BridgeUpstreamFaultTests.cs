using LapGate.Bridge;

namespace LapGate.Faults.Tests.Bridge;

public class BridgeUpstreamFaultTests
{
    private const int OtherClients = 5;
    private const int LapsEach = 10;

    [Fact]
    public async Task Bridge_UpstreamSendsGarbageAndAnOversizedFrameToOneClient_OtherClientsKeepBeingServed()
    {
        await using var app = new StandInApp(GarbageScript.Create());
        await using var bridge = await BridgeServer.StartAsync(new BridgeOptions { Listen = "127.0.0.1:0", Upstream = app.Url, Output = TextWriter.Null });

        // The app's first connection gets a 1 MB frame after its 4th lap: over the bridge's 1 MiB limit.
        using var victim = await TestClient.ConnectAsync(bridge.ListenUri);
        await victim.HandshakeAmidTrafficAsync();
        await victim.SendAsync(new ControllerSet(ControllerSet.AnalogSensor));
        var others = new List<TestClient>();
        for (var c = 0; c < OtherClients; c++)
        {
            var client = await TestClient.ConnectAsync(bridge.ListenUri);
            await client.HandshakeAmidTrafficAsync();
            await client.SendAsync(new ControllerSet(ControllerSet.AnalogSensor));
            others.Add(client);
        }

        for (var i = 0; i < 4; i++)
        {
            await victim.SendAsync(new AnalogLap(1_000_000 + i, 8));
        }
        await Task.WhenAll(others.Select((client, c) => Task.Run(async () =>
        {
            for (var i = 0; i < LapsEach; i++)
            {
                await client.SendAsync(new AnalogLap(2_000_000 + (i * 1000), c + 1));
            }
        })));
        var victimEnd = await ReadUntilClosedAsync(victim);
        await app.WaitUntilAsync(frames => frames.Laps().Count(l => l.ControllerId <= OtherClients) >= OtherClients * LapsEach,
            "every other client's laps at the app");

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, victimEnd);
        for (var c = 1; c <= OtherClients; c++)
        {
            Assert.Equal(Enumerable.Range(0, LapsEach).Select(i => 2_000_000L + (i * 1000)), app.Frames.Laps().Where(l => l.ControllerId == c).Select(l => l.Timestamp));
        }
        Assert.All(others, o => Assert.Equal(WebSocketState.Open, o.Socket.State));
        using var late = await TestClient.ConnectAsync(bridge.ListenUri);
        await late.HandshakeAmidTrafficAsync();
        foreach (var o in others)
        {
            o.Dispose();
        }
    }

    private static async Task<WebSocketCloseStatus?> ReadUntilClosedAsync(TestClient client)
    {
        while (true)
        {
            var frame = await client.ReceiveAsync();
            if (frame.IsClose)
            {
                return (WebSocketCloseStatus?)frame.CloseCode;
            }
        }
    }
}
