using System.Net;
using System.Net.Sockets;

namespace LapGate.Bridge.Tests.Forwarding;

public class BridgeFailureTests
{
    private static Uri ClosedPortUri()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"ws://127.0.0.1:{port}/");
    }

    [Fact]
    public async Task Bridge_UpstreamRefusesConnection_ClientClosedWith1014SayingUnreachable()
    {
        var upstream = ClosedPortUri();
        await using var h = await BridgeHarness.StartAsync(upstream);
        using var client = await TestClient.ConnectAsync(h.Bridge.ListenUri);

        var close = await client.ReceiveAsync();

        Assert.True(close.IsClose);
        Assert.Equal(1014, close.CloseCode);
        Assert.Equal($"upstream {upstream} unreachable: connection refused", close.CloseReason);

        using var second = await TestClient.ConnectAsync(h.Bridge.ListenUri);
        Assert.Equal(1014, (await second.ReceiveAsync()).CloseCode);
    }

    [Fact]
    public async Task Bridge_UpstreamRejectsOneHandshake_ThatClientClosedOthersKeepWorking()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (first, firstApp) = await h.ConnectAsync();
        using var _ = first;

        h.App.RefuseNext(1);
        using var refused = await TestClient.ConnectAsync(h.Bridge.ListenUri);
        var close = await refused.ReceiveAsync();
        Assert.Equal(1014, close.CloseCode);
        Assert.Contains("unreachable", close.CloseReason, StringComparison.Ordinal);
        Assert.Contains("503", close.CloseReason, StringComparison.Ordinal);

        var lap = """{"type":"analog_lap","data":{"timestamp":99,"controller_id":1}}""";
        await first.SendTextAsync(lap);
        Assert.Equal(lap, await firstApp.ReceiveTextAsync());
        var (third, thirdApp) = await h.ConnectAsync();
        using var __ = third;
        await third.SendTextAsync(lap);
        Assert.Equal(lap, await thirdApp.ReceiveTextAsync());
    }

    [Fact]
    public async Task Bridge_MessageOverTheLimit_BothSidesClosedWith1009()
    {
        await using var h = await BridgeHarness.StartAsync(configure: o => o.MaxMessageBytes = 1024);
        var (client, app) = await h.ConnectAsync();
        using var _ = client;

        await client.SendTextAsync(new string('x', 2000));

        var atClient = await client.ReceiveAsync();
        Assert.Equal(1009, atClient.CloseCode);
        Assert.Equal("client sent a message larger than 1024 bytes", atClient.CloseReason);
        var atApp = await app.ReceiveAsync();
        Assert.Equal(1009, atApp.CloseCode);
    }

    [Fact]
    public async Task Bridge_UpstreamRefuses_LogsAWarningNamingTheUpstream()
    {
        var upstream = ClosedPortUri();
        await using var h = await BridgeHarness.StartAsync(upstream);
        using var client = await TestClient.ConnectAsync(h.Bridge.ListenUri);
        await client.ReceiveAsync();
        await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Within();
        await h.StopBridgeAsync();

        Assert.NotEmpty(h.Logs.LinesAt(Microsoft.Extensions.Logging.LogLevel.Warning, $"upstream {upstream} unreachable: connection refused"));
    }

    [Fact]
    public async Task Bridge_UpstreamDropsWithoutClose_ClientClosedWith1014ConnectionLost()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;

        app.Socket.Abort();

        var close = await client.ReceiveAsync();
        Assert.True(close.IsClose);
        Assert.Equal(1014, close.CloseCode);
        Assert.StartsWith("upstream connection lost", close.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bridge_ClientDropsWithoutClose_AppClosedWith1001ClientLost()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();

        client.Socket.Abort();
        client.Dispose();

        var close = await app.ReceiveAsync();
        Assert.True(close.IsClose);
        Assert.Equal(1001, close.CloseCode);
        Assert.StartsWith("client connection lost", close.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bridge_Unreachable_CaptureRecordsBridgeCloseAndEndError()
    {
        var upstream = ClosedPortUri();
        await using var h = await BridgeHarness.StartAsync(upstream);
        using (var client = await TestClient.ConnectAsync(h.Bridge.ListenUri))
        {
            Assert.Equal(1014, (await client.ReceiveAsync()).CloseCode);
        }
        await h.StopBridgeAsync();

        var records = CaptureFile.Read(h.CapturePath).Select(e => e.Record).ToList();
        Assert.Equal([CaptureNames.Open, CaptureNames.Close, CaptureNames.End], records.Select(r => r.Kind));
        Assert.Equal(CaptureNames.BridgeToClient, records[1].Direction);
        Assert.Equal(1014, records[1].Code);
        Assert.Contains("connection refused", records[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bridge_Disposed_ClosesClientsWith1001AndAppToo()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;

        var stopping = h.StopBridgeAsync();
        var atClient = await client.ReceiveAsync();
        Assert.Equal(1001, atClient.CloseCode);
        Assert.Equal("bridge stopping", atClient.CloseReason);
        await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Within();
        var atApp = await app.ReceiveAsync();
        Assert.Equal(1001, atApp.CloseCode);
        await stopping.Within();
    }

    [Fact]
    public async Task Bridge_AppNeverAnswersClose_AfterCloseTimeoutBothAbortedAndEndSaysWhy()
    {
        var clock = new SignallingTimeProvider();
        await using var h = await BridgeHarness.StartAsync(configure: o => o.TimeProvider = clock, script: StandInScript.AsCaptured with { AnswerCloses = false });
        var (client, app) = await h.ConnectAsync();
        using var _ = client;

        await client.Socket.CloseOutputAsync((WebSocketCloseStatus)4000, "bye", CancellationToken.None).Within();
        Assert.Equal(4000, (await app.ReceiveAsync()).CloseCode);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        clock.Fake.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<WebSocketException>(() => client.ReceiveAsync());
        await h.StopBridgeAsync();
        var end = CaptureFile.Read(h.CapturePath).Last().Record;
        Assert.Equal((CaptureNames.End, "close handshake not finished within 5 s"), (end.Kind, end.Error));
    }

    [Fact]
    public async Task Bridge_UpstreamNeverAnswersHandshake_ClientClosedWith1014TimedOutAfterConnectTimeout()
    {
        var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var upstream = new Uri($"ws://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");
            var clock = new SignallingTimeProvider();
            await using var h = await BridgeHarness.StartAsync(upstream, o => o.TimeProvider = clock);
            using var client = await TestClient.ConnectAsync(h.Bridge.ListenUri);

            await clock.WaitForTimerAsync(TimeSpan.FromSeconds(10));
            clock.Fake.Advance(TimeSpan.FromSeconds(10));

            var close = await client.ReceiveAsync();
            Assert.Equal(1014, close.CloseCode);
            Assert.Equal($"upstream {upstream} unreachable: timed out", close.CloseReason);
            await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Within();
        }
        finally
        {
            silent.Stop();
        }
    }
}
