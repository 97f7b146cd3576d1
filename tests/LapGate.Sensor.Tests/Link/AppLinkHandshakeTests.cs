namespace LapGate.Sensor.Tests.Link;

public class AppLinkHandshakeTests
{
    [Fact]
    public async Task RunAsync_UnknownFrameBeforeReplies_RegistersThenSendsInOrder()
    {
        await using var app = new StandInApp();
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions()).Start();

        link.Add(Lap(1, 1_000_000), Lap(2, 1_000_100));
        await app.WaitUntilAsync(f => f.Events().Count == 2, "two laps");

        Assert.Equal(
            [new ApiVersionRequest(), new ControllerSet("Z"), new AnalogLap(1_000_000, 1), new AnalogLap(1_000_100, 2)],
            app.Frames.Messages());
        Assert.Equal(7, link.Link.ApiVersion);
        Assert.Contains(link.Messages.Values, m => m is UnknownMessage { UnknownType: "hello_from_the_future" });
    }

    [Fact]
    public async Task RunAsync_MoreThanThreeFramesInAnyOrderWithNewlines_WaitsForApiVersionReply()
    {
        var script = new StandInScript
        {
            Replies =
            [
                "{\"type\":\"update_event_status\",\n \"data\":\"running\"}",
                StandInScript.NamedDriverReplies[1],
                "{\"type\":\"something_new\",\"data\":{\"a\":[1,2,3]},\"extra\":true}",
                "this is not JSON {",
                "{\"data\":{\"no\":\"type\"}}",
                StandInScript.NamedDriverReplies[0],
                StandInScript.NamedDriverReplies[2],
                "{\"type\":\"update_position\",\"data\":{}}",
            ],
            AfterRegistration = ["{\"type\":\"reset\"}"],
        };
        await using var app = new StandInApp(script);
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions()).Start();

        await link.Messages.WaitAsync(m => m is Reset);
        link.Add(Lap(1, 5_000));
        await app.WaitUntilAsync(f => f.Events().Count == 1, "a lap");

        Assert.Equal([new ApiVersionRequest(), new ControllerSet("Z"), new AnalogLap(5_000, 1)], app.Frames.Messages());
        Assert.Contains(link.Messages.Values, m => m is UpdateEventStatus { Status: "running" });
        Assert.Contains(link.Messages.Values, m => m is UpdateControllerData d && d.Find("2")?.Driver == "Alex");
        Assert.Equal(LinkState.Connected, link.Link.State);
    }

    [Fact]
    public async Task RunAsync_AppNeverReplies_HandshakeTimeoutWithFakeClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await using var app = new StandInApp(new StandInScript { Answer = false });
        await using var link = new LinkHarness(app.Url, LinkHarness.FastOptions(), time).Start();
        await app.WaitUntilAsync(f => f.Count == 1, "api_version");

        time.Advance(TimeSpan.FromSeconds(5));
        var drop = await link.Drops.WaitAsync();

        Assert.Equal(ReconnectCause.HandshakeTimeout, drop.Cause);
        Assert.Equal(1, drop.Attempt);
        Assert.Equal(0, app.Frames.CountOf<ControllerSet>());
    }

    [Fact]
    public async Task RunAsync_AppUnreachable_ReportsConnectFailedAndKeepsTrying()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var link = new LinkHarness(new Uri($"ws://127.0.0.1:{port}/"), LinkHarness.FastOptions()).Start();

        var second = await link.Drops.WaitAsync(d => d.Attempt == 2);

        Assert.Equal(ReconnectCause.ConnectFailed, second.Cause);
        Assert.Equal(TimeSpan.FromMilliseconds(20), second.Delay);
    }
}
