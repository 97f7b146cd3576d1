using LapGate.Emulator.Faults;

namespace LapGate.Emulator.Tests.Faults;

public sealed class FaultSwitchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CloseAfterAnalogFrames_Three_ClosesAfterTheThirdAndCountsAllThree()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.Faults = new FaultOptions { CloseAfterAnalogFrames = 3 });
        await using var sensor = await emulator.ConnectSensorAsync();

        await sensor.SendAsync(new AnalogLap(1000, 1));
        await sensor.SendAsync(new AnalogPitEnter(1));
        await sensor.SendAsync(new AnalogLap(5000, 1));
        var close = await sensor.ReceiveAsync();

        Assert.True(close.IsClose);
        Assert.Equal((int)WebSocketCloseStatus.EndpointUnavailable, close.CloseCode);
        var race = await emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 1);
        Assert.Equal(4000, race.Find(1)!.LastLapMs);
        Assert.Equal(1, race.Find(1)!.PitStops);

        // A new connection starts counting again.
        await using var again = await emulator.ConnectSensorAsync();
        await again.SendAsync(new AnalogLap(9000, 1));
        await emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 2);
    }

    [Fact]
    public async Task HandshakeDelay_OnFakeClock_RepliesOnlyAfterTheDelayElapses()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2024-08-04T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var emulator = await TestEmulator.StartAsync(output, o =>
        {
            o.TimeProvider = clock;
            o.Faults = new FaultOptions { HandshakeDelay = TimeSpan.FromMilliseconds(1500) };
        });
        await using var client = await emulator.ConnectAsync();

        await client.SendAsync(new ApiVersionRequest());
        await emulator.Logs.WaitForLineAsync("delaying handshake replies by 1500 ms");
        // While the handshake waits, a broadcast overtakes it: nothing of the handshake was sent yet.
        emulator.SetUpOpenRace();
        await emulator.PostOkAsync("api/race/start");
        Assert.Equal(new UpdateEventStatus("running"), await client.ReceiveMessageAsync());

        clock.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.IsType<UpdateControllerData>(await client.ReceiveMessageAsync());
        Assert.Equal(new UpdateServerInfo(false), await client.ReceiveMessageAsync());
        Assert.Equal(new ApiVersionReply(7), await client.ReceiveMessageAsync());
    }

    [Fact]
    public async Task IgnoreHandshake_ApiVersion_NoRepliesButRegistrationStillWorks()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.Faults = new FaultOptions { IgnoreHandshake = true });
        await using var client = await emulator.ConnectAsync();

        await client.SendAsync(new ApiVersionRequest());
        await emulator.Logs.WaitForLineAsync("ignoring api_version");
        emulator.SetUpOpenRace();
        await emulator.PostOkAsync("api/race/start");

        Assert.Equal(new UpdateEventStatus("running"), await client.ReceiveMessageAsync());
        await client.SendAsync(new ControllerSet("Z"));
        await client.SendAsync(new AnalogLap(100, 8));
        await client.SendAsync(new AnalogLap(2100, 8));
        await emulator.WaitForRaceAsync(r => r.Find(8)?.Laps == 1);
    }

    [Fact]
    public async Task PostFaults_AtRunTime_AppliesToNextHandshakeAndGetReturnsThem()
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        var response = await emulator.Http.PostAsJsonAsync("api/faults", new FaultSettings(IgnoreHandshake: true, CloseAfterAnalogFrames: 5), EmulatorJsonContext.Default.FaultSettings);
        response.EnsureSuccessStatusCode();
        await using var client = await emulator.ConnectAsync();
        await client.SendAsync(new ApiVersionRequest());
        await emulator.Logs.WaitForLineAsync("ignoring api_version");

        var now = await emulator.Http.GetFromJsonAsync("api/faults", EmulatorJsonContext.Default.FaultSettings);
        Assert.Equal(new FaultSettings(5, 0, true), now);
        Assert.Equal(5, emulator.Server.Faults.CloseAfterAnalogFrames);

        await emulator.Http.PostAsJsonAsync("api/faults", new FaultSettings(), EmulatorJsonContext.Default.FaultSettings);
        var replies = await client.HandshakeAsync();
        Assert.Equal(new ApiVersionReply(7), replies[2]);
    }

    [Theory]
    [InlineData("{\"closeAfterAnalogFrames\":0}", "at least 1")]
    [InlineData("{\"handshakeDelayMs\":-5}", "handshake delay")]
    [InlineData("{\"ignoreHandshake\":", "invalid JSON")]
    [InlineData("null", "expected")]
    public async Task PostFaults_BadBody_400WithReasonAndFaultsUnchanged(string body, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        var response = await emulator.PostAsync("api/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await TestEmulator.ReadErrorAsync(response);
        Assert.Contains(reason, error.Error, StringComparison.Ordinal);
        Assert.False(emulator.Server.Faults.Any);
    }

    [Fact]
    public void Validate_OutOfRange_NamesEverySwitch()
    {
        var result = FaultOptionsValidator.Instance.Validate(null, new FaultOptions { CloseAfterAnalogFrames = -1, HandshakeDelay = TimeSpan.FromMinutes(11) });

        Assert.Equal(
            ["CloseAfterAnalogFrames: must be at least 1 analog frame, got -1", "HandshakeDelay: the handshake delay must be 0..600000 ms, got 660000 ms"],
            result.Failures);
    }
}
