namespace LapGate.Emulator.Tests.Security;

/// <summary>Connections that never handshake are closed after the handshake timeout; one over the cap is closed with 1013.</summary>
public sealed class ConnectionLimitTests(ITestOutputHelper output)
{
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero));

    /// <summary>An emulator on <paramref name="clock"/> that closes a connection sending no api_version within <paramref name="seconds"/>.</summary>
    private Task<TestEmulator> StartWithHandshakeTimeoutAsync(FakeTimeProvider clock, int seconds) =>
        TestEmulator.StartAsync(output, o =>
        {
            o.TimeProvider = clock;
            o.HandshakeTimeout = TimeSpan.FromSeconds(seconds);
        });

    [Fact]
    public async Task Connection_NoApiVersionWithinTimeout_ClosedWith1008AndReason()
    {
        var clock = Clock();
        await using var emulator = await StartWithHandshakeTimeoutAsync(clock, 30);
        await using var silent = await emulator.ConnectAsync();
        await emulator.Logs.WaitForLineAsync("c1 connected");

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, emulator.Server.ConnectionCount);
        clock.Advance(TimeSpan.FromSeconds(1));

        var frame = await silent.ReceiveAsync();
        Assert.True(frame.IsClose);
        Assert.Equal((int)WebSocketCloseStatus.PolicyViolation, frame.CloseCode);
        Assert.Equal("no api_version within 30 s", frame.CloseReason);
        await silent.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "ok", CancellationToken.None).Within();
        await emulator.Logs.WaitForLineAsync("c1 disconnected (closed with 1008: no api_version within the handshake timeout)");
        Assert.Contains(emulator.Race.Snapshot().Violations, v => v.Kind == ViolationKinds.HandshakeTimeout && v.Connection == "c1");
    }

    [Fact]
    public async Task Connection_TimedOutPeerNeverAnswersClose_AbortedFiveSecondsLater()
    {
        var clock = Clock();
        await using var emulator = await StartWithHandshakeTimeoutAsync(clock, 10);
        await using var silent = await emulator.ConnectAsync();
        await emulator.Logs.WaitForLineAsync("c1 connected");
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await silent.ReceiveAsync()).IsClose);

        clock.Advance(TimeSpan.FromSeconds(5));

        await emulator.Logs.WaitForLineAsync("c1 disconnected (closed with 1008");
        Assert.Equal(0, emulator.Server.ConnectionCount);
    }

    [Fact]
    public async Task Connection_ApiVersionInTime_StaysOpenPastTimeout()
    {
        var clock = Clock();
        await using var emulator = await StartWithHandshakeTimeoutAsync(clock, 30);
        await using var sensor = await emulator.ConnectSensorAsync();

        clock.Advance(TimeSpan.FromMinutes(5));
        await sensor.SendAsync(new AnalogLap(1000, 1));

        await emulator.WaitForRaceAsync(r => r.Find(1)?.LastCrossing == 1000);
        Assert.Equal(1, emulator.Server.ConnectionCount);
        Assert.DoesNotContain(emulator.Race.Snapshot().Violations, v => v.Kind == ViolationKinds.HandshakeTimeout);
    }

    [Fact]
    public async Task Connection_OverTheCap_ClosedWith1013AndLogged()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.MaxConnections = 2);
        await using var first = await emulator.ConnectAsync();
        await using var second = await emulator.ConnectSensorAsync();

        await using var third = await emulator.ConnectAsync();
        var frame = await third.ReceiveAsync();

        Assert.True(frame.IsClose);
        Assert.Equal(1013, frame.CloseCode);
        Assert.Equal("too many connections (limit 2); try again later", frame.CloseReason);
        Assert.Single(emulator.Logs.LinesAt(Microsoft.Extensions.Logging.LogLevel.Warning, "c3 from 127.0.0.1"));
        Assert.Equal(2, emulator.Server.ConnectionCount);
        await second.SendAsync(new AnalogLap(1000, 1));
        await emulator.WaitForRaceAsync(r => r.Find(1) is not null);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Start_HandshakeTimeoutNotPositive_ConfigurationError(int seconds)
    {
        var message = await TestEmulator.StartRefusedAsync(output, o => o.HandshakeTimeout = TimeSpan.FromSeconds(seconds));
        Assert.Contains("HandshakeTimeout", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MaxConnectionsZero_ConfigurationError()
    {
        var message = await TestEmulator.StartRefusedAsync(output, o => o.MaxConnections = 0);
        Assert.Contains("MaxConnections", message, StringComparison.Ordinal);
    }
}
