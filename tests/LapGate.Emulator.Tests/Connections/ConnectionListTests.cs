namespace LapGate.Emulator.Tests.Connections;

public sealed class ConnectionListTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetConnections_SensorAndClient_ListsRolesFramesAndLastFrameTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 8, 4, 12, 0, 0, TimeSpan.Zero));
        await using var emulator = await TestEmulator.StartAsync(output, o => o.TimeProvider = clock);
        await using var sensor = await emulator.ConnectSensorAsync();
        await emulator.Logs.WaitForLineAsync("c1 registered as analog sensor");
        await using var follower = await emulator.ConnectAsync();
        await follower.HandshakeAsync();
        clock.Advance(TimeSpan.FromSeconds(5));
        await follower.SendAsync(new ControllerSet("3"));
        await emulator.Logs.WaitForLineAsync("c2 registered as client following controller 3");

        var list = await emulator.Http.GetFromJsonAsync("api/connections", EmulatorJsonContext.Default.IReadOnlyListConnectionSummary);

        Assert.NotNull(list);
        Assert.Equal(["c1", "c2"], list.Select(c => c.Id));
        Assert.Equal("sensor", list[0].Role);
        Assert.Equal(2, list[0].Frames);
        Assert.Equal("client 3", list[1].Role);
        Assert.Equal(clock.GetUtcNow(), list[1].LastFrameAt);
        Assert.StartsWith("127.0.0.1:", list[0].Remote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connections_AfterClientCloses_NoLongerListed()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var client = await emulator.ConnectAsync();
        await client.HandshakeAsync();
        Assert.Single(emulator.Server.Connections());

        await client.DisposeAsync();

        await emulator.Logs.WaitForLineAsync("c1 disconnected (closed by peer)");
        Assert.Empty(emulator.Server.Connections());
    }
}
