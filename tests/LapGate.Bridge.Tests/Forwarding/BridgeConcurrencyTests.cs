namespace LapGate.Bridge.Tests.Forwarding;

public class BridgeConcurrencyTests
{
    private static string Lap(int client, int n) =>
        LapGate.Protocol.Codec.MessageCodec.Serialize(new LapGate.Protocol.Messages.AnalogLap(client * 100_000L + n, client % 8 + 1));

    [Fact]
    public async Task Bridge_TenClientsAtOnce_EachHasItsOwnUpstreamAndNoFrameIsLostOrMixed()
    {
        const int clients = 10;
        const int laps = 50;
        await using var h = await BridgeHarness.StartAsync();
        var pairs = new List<(TestClient Client, StandInConnection App, int Id)>();
        for (var c = 0; c < clients; c++)
        {
            var (client, app) = await h.ConnectAsync();
            await client.SendTextAsync($"hello {c}");
            Assert.Equal($"hello {c}", await app.ReceiveTextAsync());
            pairs.Add((client, app, c));
        }
        Assert.Equal(clients, h.App.Connections);

        await Task.WhenAll(pairs.Select(async p =>
        {
            var sending = Task.Run(async () =>
            {
                for (var n = 0; n < laps; n++)
                {
                    await p.Client.SendTextAsync(Lap(p.Id, n));
                }
            });
            var replying = Task.Run(async () =>
            {
                for (var n = 0; n < laps; n++)
                {
                    await p.App.SendTextAsync($"reply {p.Id}/{n}");
                }
            });
            for (var n = 0; n < laps; n++)
            {
                Assert.Equal(Lap(p.Id, n), await p.App.ReceiveTextAsync());
                Assert.Equal($"reply {p.Id}/{n}", await p.Client.ReceiveTextAsync());
            }
            await Task.WhenAll(sending, replying).Within();
        })).Within();

        foreach (var p in pairs)
        {
            p.Client.Dispose();
        }
    }
}
