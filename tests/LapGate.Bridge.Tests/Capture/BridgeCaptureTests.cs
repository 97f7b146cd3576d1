using System.Globalization;

namespace LapGate.Bridge.Tests.Capture;

public class BridgeCaptureTests
{
    [Fact]
    public async Task Capture_Session_HoldsEveryFrameBothWaysInOrderWithTimesAndCloses()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;
        await client.SendTextAsync("""{"type":"api_version"}""");
        await app.ReceiveTextAsync();
        foreach (var reply in StandInScript.CaptureReplies)
        {
            await client.ReceiveTextAsync();
        }
        await app.SendBinaryAsync([0x00, 0xFF, 0x10]);
        await client.ReceiveAsync();
        await client.Socket.CloseAsync((WebSocketCloseStatus)4000, "done", CancellationToken.None).Within();
        await app.Ended.Within();
        await h.StopBridgeAsync();

        var records = CaptureFile.Read(h.CapturePath).Select(e => e.Record).ToList();

        var expected = new List<(string Kind, string? Dir, string? Text)>
        {
            (CaptureNames.Open, null, null),
            (CaptureNames.Text, CaptureNames.ClientToApp, """{"type":"api_version"}"""),
        };
        expected.AddRange(StandInScript.CaptureReplies.Select(r => (CaptureNames.Text, (string?)CaptureNames.AppToClient, (string?)r)));
        expected.Add((CaptureNames.Binary, CaptureNames.AppToClient, null));
        expected.Add((CaptureNames.Close, CaptureNames.ClientToApp, null));
        expected.Add((CaptureNames.Close, CaptureNames.AppToClient, null));
        expected.Add((CaptureNames.End, null, null));
        Assert.Equal(expected, records.Select(r => (r.Kind, r.Direction, r.Text)));

        Assert.All(records, r => Assert.Equal(1, r.Connection));
        Assert.All(records, r => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", r.Time));
        Assert.All(records, r => DateTimeOffset.ParseExact(r.Time, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Assert.Equal(records.Select(r => r.Ms).Order(), records.Select(r => r.Ms));
        Assert.Equal(h.App.Url.ToString(), records[0].Upstream);
        Assert.StartsWith("127.0.0.1:", records[0].Client, StringComparison.Ordinal);
        Assert.Equal(Convert.ToBase64String([0x00, 0xFF, 0x10]), records[5].Base64);
        Assert.Equal((4000, "done"), (records[6].Code, records[6].Reason));
        Assert.Equal((4000, "done"), (records[7].Code, records[7].Reason));
        Assert.Null(records[8].Error);
    }

    [Fact]
    public async Task Capture_WhileBridgeRuns_LinesAreAlreadyOnDisk()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;
        var lap = """{"type":"analog_lap","data":{"timestamp":1722773108999,"controller_id":2}}""";
        await client.SendTextAsync(lap);
        await app.ReceiveTextAsync();

        await h.Bridge.WaitForRecordedAsync(2).Within();

        await using var file = new FileStream(h.CapturePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var lines = CaptureFile.Parse(new StreamReader(file), h.CapturePath);
        Assert.Equal(lap, lines[1].Record.Text);
        Assert.Equal(CaptureNames.ClientToApp, lines[1].Record.Direction);
    }

    [Fact]
    public async Task Capture_TextFrame_LineKeepsQuotesReadableAndExactText()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;
        var text = "{\"type\":\"x\",\n \"driver\":\"Zoë <1>\"}";
        await client.SendTextAsync(text);
        await app.ReceiveTextAsync();
        await h.Bridge.WaitForRecordedAsync(2).Within();

        string line;
        await using (var file = new FileStream(h.CapturePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            line = new StreamReader(file).ReadToEnd().Split('\n')[1];
        }
        Assert.Contains("\"dir\":\"client->app\",\"text\":\"{\\\"type\\\":\\\"x\\\",\\n \\\"driver\\\":\\\"Zoë <1>\\\"}\"", line, StringComparison.Ordinal);
        Assert.Equal(text, CaptureFile.Parse(new StringReader(line), "line").Single().Record.Text);
    }

    [Fact]
    public async Task Capture_ConcurrentConnections_EachLineIsWholeAndTaggedWithItsConnection()
    {
        await using var h = await BridgeHarness.StartAsync();
        var pairs = new List<(TestClient Client, StandInConnection App)>();
        for (var i = 0; i < 4; i++)
        {
            pairs.Add(await h.ConnectAsync());
        }
        await Task.WhenAll(pairs.Select(async (p, i) =>
        {
            for (var n = 0; n < 25; n++)
            {
                await p.Client.SendTextAsync($"c{i + 1} n{n}");
                await p.App.ReceiveTextAsync();
            }
        })).Within();
        foreach (var p in pairs)
        {
            await p.Client.Socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Within();
            p.Client.Dispose();
        }
        await h.StopBridgeAsync();

        var frames = CaptureFile.Read(h.CapturePath).Select(e => e.Record).Where(r => r.Kind == CaptureNames.Text).ToList();
        Assert.Equal(100, frames.Count);
        foreach (var group in frames.GroupBy(r => r.Connection))
        {
            var texts = group.Select(r => r.Text).ToList();
            var prefix = texts[0]![..texts[0]!.IndexOf(' ', StringComparison.Ordinal)];
            Assert.Equal(Enumerable.Range(0, 25).Select(n => $"{prefix} n{n}"), texts);
        }
    }

    [Fact]
    public async Task Start_CaptureFileExists_FailsSayingSoAndKeepsTheFile()
    {
        using var temp = new LapGate.TestSupport.TempDirectory();
        var path = temp.File("old.jsonl");
        await File.WriteAllTextAsync(path, "precious\n");
        await using var app = new StandInApp(StandInScript.AsCaptured);

        var error = await Assert.ThrowsAsync<IOException>(() => BridgeServer.StartAsync(new BridgeOptions
        {
            Listen = "127.0.0.1:0",
            Upstream = app.Url,
            CapturePath = path,
        }));

        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Start_ListenPortTaken_FailsAndLeavesNoCaptureFileBehind()
    {
        using var temp = new LapGate.TestSupport.TempDirectory();
        await using var h = await BridgeHarness.StartAsync();
        var path = temp.File("new.jsonl");

        await Assert.ThrowsAnyAsync<IOException>(() => BridgeServer.StartAsync(new BridgeOptions
        {
            Listen = $"127.0.0.1:{h.Bridge.ListenUri.Port}",
            Upstream = h.App.Url,
            CapturePath = path,
        }));

        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Print_Frames_ShowTimeConnectionDirectionAndPrettyJson()
    {
        await using var h = await BridgeHarness.StartAsync();
        var (client, app) = await h.ConnectAsync();
        using var _ = client;
        await client.SendTextAsync("""{"type":"analog_pit_enter","data":{"controller_id":2}}""");
        await app.ReceiveTextAsync();
        await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Within();
        await h.StopBridgeAsync();

        var printed = h.Printed.ToString();
        Assert.Matches(@"\d\d:\d\d:\d\d\.\d{3} #1 client→app\r?\n\{\r?\n  ""type"": ""analog_pit_enter"",", printed);
    }
}
