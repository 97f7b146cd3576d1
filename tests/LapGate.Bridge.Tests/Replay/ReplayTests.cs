using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Bridge.Replay;
using Microsoft.Extensions.Time.Testing;

namespace LapGate.Bridge.Tests.Replay;

public class ReplayTests
{
    private const string ApiVersion = """{"type":"api_version"}""";
    private const string ControllerSet = """{"type":"controller_set","data":{"controller_id":"Z"}}""";
    private static string Lap(long t, int id) => MessageCodec.Serialize(new AnalogLap(t, id));

    [Fact]
    public async Task Replay_BridgeCaptureFast_TargetGetsTheSensorFramesInOrder()
    {
        string[] sensor = [ApiVersion, ControllerSet, Lap(1722773108999, 2), Lap(1722773109119, 1)];
        string capturePath;
        await using var recorded = await BridgeHarness.StartAsync();
        {
            var (client, app) = await recorded.ConnectAsync();
            using var _ = client;
            foreach (var text in sensor)
            {
                await client.SendTextAsync(text);
                Assert.Equal(text, await app.ReceiveTextAsync());
            }
            await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).Within();
            await recorded.StopBridgeAsync();
            capturePath = recorded.CapturePath;
        }
        await using var target = new StandInApp(StandInScript.AsCaptured);
        var printed = new StringWriter();

        var result = await CaptureReplayer.RunFileAsync(capturePath, new ReplayOptions { Target = target.Url, Fast = true, Output = printed }).Within();

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(0, result.ExitCode);
        var app2 = await target.NextConnectionAsync();
        foreach (var text in sensor)
        {
            Assert.Equal(text, await app2.ReceiveTextAsync());
        }
        var close = await app2.ReceiveAsync();
        Assert.Equal((1000, "bye"), (close.CloseCode, close.CloseReason));
        Assert.Equal(sensor.Length, result.FramesSent);
        Assert.Equal(3, result.FramesReceived);
        Assert.Contains("\"api_version\": 7", printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WithFakeClock_SendsAtRecordedOffsetsDividedBySpeed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));
        await using var target = new StandInApp(StandInScript.AsCaptured, clock);
        var capture = new CaptureBuilder()
            .Open(1, 100).Sensor(1, 100, ApiVersion).Sensor(1, 1100, Lap(1, 1)).Sensor(1, 3100, Lap(2, 1))
            .Close(1, 3100, CaptureNames.ClientToApp, 1000, "end").End(1, 3101);
        var t0 = clock.GetUtcNow();

        var replay = CaptureReplayer.RunAsync(capture.Entries, new ReplayOptions { Target = target.Url, Speed = 2, TimeProvider = clock });
        var app = await target.NextConnectionAsync();

        var first = await app.ReceiveAsync();
        Assert.Equal((ApiVersion, t0), (first.Text, first.At));
        clock.Advance(TimeSpan.FromMilliseconds(499));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await app.ReceiveAsync();
        Assert.Equal((Lap(1, 1), TimeSpan.FromMilliseconds(500)), (second.Text, second.At - t0));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var third = await app.ReceiveAsync();
        Assert.Equal((Lap(2, 1), TimeSpan.FromMilliseconds(1500)), (third.Text, third.At - t0));
        Assert.True((await app.ReceiveAsync()).IsClose);
        var result = await replay.Within();
        Assert.True(result.IsSuccess, result.Message);
    }

    [Fact]
    public async Task Replay_TargetRepliesAnythingInAnyOrder_StillSucceeds()
    {
        await using var target = new StandInApp(StandInScript.AsCaptured);
        var clock = new FakeTimeProvider();
        var capture = new CaptureBuilder().Open(1, 0).Sensor(1, 0, ApiVersion).SensorBinary(1, 0, [1, 2, 3]).Sensor(1, 0, Lap(9, 3)).End(1, 1000);
        var printed = new StringWriter();

        var replay = CaptureReplayer.RunAsync(capture.Entries, new ReplayOptions { Target = target.Url, TimeProvider = clock, Output = printed });
        var app = await target.NextConnectionAsync();
        await app.SendBinaryAsync([9, 9]);
        await app.SendTextAsync("not json at all");
        Assert.Equal(ApiVersion, await app.ReceiveTextAsync());
        await app.SendTextAsync("""{"type":"update_event_status","data":"running"}""");
        Assert.Equal([1, 2, 3], (await app.ReceiveAsync()).Payload);
        Assert.Equal(Lap(9, 3), await app.ReceiveTextAsync());
        clock.Advance(TimeSpan.FromSeconds(1));

        var result = await replay.Within();
        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(6, result.FramesReceived);
        var close = await app.ReceiveAsync();
        Assert.Equal((1000, "replay done"), (close.CloseCode, close.CloseReason));
        Assert.Contains("← received binary 2 bytes: 0909", printed.ToString(), StringComparison.Ordinal);
        Assert.Contains("not json at all", printed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MalformedLine_ExitCode2NamingTheLine()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.jsonl");
        var good = new CaptureBuilder().Open(1, 0).Sensor(1, 1, ApiVersion).ToJsonLines();
        await File.WriteAllTextAsync(path, good + "{\"ms\":oops}\n");

        var result = await CaptureReplayer.RunFileAsync(path, new ReplayOptions { Target = new Uri("ws://127.0.0.1:9/"), Fast = true }).Within();

        Assert.Equal(ReplayOutcome.MalformedCapture, result.Outcome);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}:3:", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_TargetUnreachable_ExitCode3SayingConnectionRefused()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var capture = new CaptureBuilder().Open(1, 0).Sensor(1, 1, ApiVersion).End(1, 2);

        var result = await CaptureReplayer.RunAsync(capture.Entries, new ReplayOptions { Target = new Uri($"ws://127.0.0.1:{port}/"), Fast = true }).Within();

        Assert.Equal(ReplayOutcome.TargetUnreachable, result.Outcome);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"target ws://127.0.0.1:{port}/ unreachable: connection refused", result.Message);
    }

    [Fact]
    public async Task Replay_TargetClosesBeforeAllFramesSent_ExitCode4WithCodeAndLine()
    {
        await using var target = new StandInApp(StandInScript.AsCaptured with
        {
            CutAfter = p => p.Frames == 2 ? Cut.WithCloseFrame : Cut.None,
            CutClose = (4003, "kicked"),
        });
        var clock = new FakeTimeProvider();
        var capture = new CaptureBuilder().Open(1, 0).Sensor(1, 0, ApiVersion).Sensor(1, 0, ControllerSet).Sensor(1, 1000, Lap(1, 1)).End(1, 1001);

        var replay = CaptureReplayer.RunAsync(capture.Entries, new ReplayOptions { Target = target.Url, TimeProvider = clock });
        var app = await target.NextConnectionAsync();
        await app.ReceiveTextAsync();
        await app.ReceiveTextAsync();
        await app.Ended.Within();
        var result = await replay.Within();

        Assert.Equal(ReplayOutcome.ClosedEarly, result.Outcome);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("closed it with 4003 kicked after 2 of 3 frames (next: capture line 4)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_TargetClosesWhereTheAppDidInTheCapture_Succeeds()
    {
        await using var target = new StandInApp(StandInScript.AsCaptured with
        {
            CutAfter = p => p.Frames == 1 ? Cut.WithCloseFrame : Cut.None,
            CutClose = (4004, "race ended"),
        });
        var capture = new CaptureBuilder().Open(1, 0).Sensor(1, 1, ApiVersion)
            .Close(1, 2, CaptureNames.AppToClient, 4004, "race ended").Sensor(1, 3, Lap(1, 1)).End(1, 4);

        var result = await CaptureReplayer.RunAsync(capture.Entries, new ReplayOptions { Target = target.Url, Fast = true }).Within();

        Assert.True(result.IsSuccess, result.Message);
    }

    [Fact]
    public async Task Replay_SequentialConnections_SecondStartsAfterFirstEnded()
    {
        await using var target = new StandInApp(StandInScript.AsCaptured);
        var capture = new CaptureBuilder()
            .Open(1, 0).Sensor(1, 1, "first").Close(1, 2, CaptureNames.ClientToApp, 1000, "one").End(1, 3)
            .Open(2, 10).Sensor(2, 11, "second").Close(2, 12, CaptureNames.ClientToApp, 1000, "two").End(2, 13);

        var result = await CaptureReplayer.RunAsync(capture.Entries, new ReplayOptions { Target = target.Url, Fast = true }).Within();

        Assert.True(result.IsSuccess, result.Message);
        Assert.Equal(2, result.Connections);
        var one = await target.NextConnectionAsync();
        Assert.Equal("first", await one.ReceiveTextAsync());
        Assert.Equal("one", (await one.ReceiveAsync()).CloseReason);
        var two = await target.NextConnectionAsync();
        Assert.Equal("second", await two.ReceiveTextAsync());
        Assert.True(two.AcceptedAt > one.ClosedAt, "the second connection opened before the first had closed");
    }

    [Fact]
    public async Task Replay_OverlappingConnections_RunConcurrently()
    {
        await using var target = new StandInApp(StandInScript.AsCaptured);
        var clock = new FakeTimeProvider();
        var capture = new CaptureBuilder()
            .Open(1, 0).Sensor(1, 0, "a1").Sensor(1, 2000, "a2").End(1, 2000)
            .Open(2, 0).Sensor(2, 0, "b1").Sensor(2, 1000, "b2").End(2, 1000);

        var replay = CaptureReplayer.RunAsync(capture.Entries, new ReplayOptions { Target = target.Url, TimeProvider = clock });
        var first = await target.NextConnectionAsync();
        var second = await target.NextConnectionAsync();
        var firstTexts = new[] { await first.ReceiveTextAsync(), await second.ReceiveTextAsync() }.Order().ToArray();

        Assert.Equal(["a1", "b1"], firstTexts);
        clock.Advance(TimeSpan.FromSeconds(2));
        var result = await replay.Within();
        Assert.True(result.IsSuccess, result.Message);
    }
}
