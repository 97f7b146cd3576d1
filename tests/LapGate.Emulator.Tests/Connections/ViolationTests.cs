namespace LapGate.Emulator.Tests.Connections;

/// <summary>Every kind of bad frame is logged with its connection, listed, and harms nobody.</summary>
public sealed class ViolationTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Theory]
    [InlineData("{\"type\":\"analog_lap\",\"data\":{\"timestamp\":1000,\"controller_id\":1}}", "not_registered", false)]
    [InlineData("{\"type\":\"analog_pit_enter\",\"data\":{\"controller_id\":1}}", "not_registered", false)]
    [InlineData("{\"type\":\"analog_pit_leave\",\"data\":{\"controller_id\":1}}", "not_registered", false)]
    [InlineData("{\"type\":\"teleport\",\"data\":{}}", "unknown_type", true)]
    [InlineData("{\"type\":\"analog_lap\",\"data\":{\"timestamp\":1000", "invalid_json", true)]
    [InlineData("[1,2]", "not_an_object", true)]
    [InlineData("{\"data\":{}}", "missing_type", true)]
    [InlineData("{\"type\":\"analog_lap\",\"data\":{\"controller_id\":1}}", "missing_field", true)]
    [InlineData("{\"type\":\"analog_lap\",\"data\":{\"timestamp\":\"soon\",\"controller_id\":1}}", "invalid_field", true)]
    [InlineData("{\"type\":\"analog_lap\",\"data\":{\"timestamp\":1000,\"controller_id\":0}}", "lane_out_of_range", true)]
    [InlineData("{\"type\":\"analog_lap\",\"data\":{\"timestamp\":1000,\"controller_id\":9}}", "lane_out_of_range", true)]
    [InlineData("{\"type\":\"analog_pit_enter\",\"data\":{\"controller_id\":12}}", "lane_out_of_range", true)]
    [InlineData("{\"type\":\"controller_set\",\"data\":{\"controller_id\":\"Q\"}}", "invalid_field", true)]
    [InlineData("{\"type\":\"race_control\",\"data\":{\"value\":\"launch\"}}", "invalid_field", true)]
    [InlineData("{\"type\":\"update_event_status\",\"data\":\"running\"}", "unexpected_type", true)]
    public async Task BadFrame_AnyKind_ListedWithConnectionAndNextFramesStillCount(string frame, string kind, bool register)
    {
        await using var sensor = await Emulator.ConnectAsync();
        await sensor.HandshakeAsync();
        if (register)
        {
            await sensor.SendAsync(new ControllerSet("Z"));
        }

        await sensor.SendTextAsync(frame);
        if (!register)
        {
            await sensor.SendAsync(new ControllerSet("Z"));
        }
        await sensor.SendAsync(new AnalogLap(1000, 1));
        await sensor.SendAsync(new AnalogLap(5000, 1));

        await Emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 1);
        var race = await Emulator.GetRaceAsync();
        var violation = Assert.Single(race.Violations);
        Assert.Equal(kind, violation.Kind);
        Assert.Equal("c1", violation.Connection);
        Assert.False(string.IsNullOrWhiteSpace(violation.Message));
        Assert.Equal(4000, race.Find(1)!.LastLapMs);
        await Emulator.Logs.WaitForLineAsync($"violation c1 {kind}");
    }

    [Fact]
    public async Task BinaryFrame_FromSensor_ListedAndConnectionKept()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();

        await sensor.SendBinaryAsync([1, 2, 3]);
        await sensor.SendAsync(new AnalogLap(1000, 2));

        var race = await Emulator.WaitForRaceAsync(r => r.Find(2)?.LastCrossing == 1000);
        Assert.Equal("binary_frame", Assert.Single(race.Violations).Kind);
        Assert.Equal(WebSocketState.Open, sensor.Socket.State);
    }

    [Fact]
    public async Task FrameOver64KiB_OneClient_ClosedWith1009AndOtherClientUnaffected()
    {
        await using var bystander = await Emulator.ConnectSensorAsync();
        await using var offender = await Emulator.ConnectSensorAsync();

        var huge = "{\"type\":\"analog_lap\",\"data\":{\"timestamp\":1,\"controller_id\":1,\"pad\":\"" + new string('x', 70_000) + "\"}}";
        try
        {
            await offender.SendTextAsync(huge);
        }
        catch (WebSocketException)
        {
            // The server may close before the whole frame is sent; the close frame is what counts.
        }
        var close = await offender.ReceiveAsync();

        Assert.True(close.IsClose);
        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, close.CloseCode);
        var race = await Emulator.WaitForRaceAsync(r => r.Violations.Count == 1);
        Assert.Equal("too_large", race.Violations[0].Kind);
        Assert.Equal("c2", race.Violations[0].Connection);

        await bystander.SendAsync(new AnalogLap(1000, 6));
        await bystander.SendAsync(new AnalogLap(4500, 6));
        await Emulator.WaitForRaceAsync(r => r.Find(6)?.Laps == 1);
        Assert.Equal(3500, (await Emulator.GetRaceAsync()).Find(6)!.LastLapMs);
    }

    [Fact]
    public async Task Violations_MoreThan100_KeepsTheNewest100()
    {
        await using var client = await Emulator.ConnectAsync();

        for (var i = 0; i < 105; i++)
        {
            await client.SendTextAsync($"{{\"type\":\"nonsense_{i}\"}}");
        }

        var race = await Emulator.WaitForRaceAsync(r => r.Violations.Any(v => v.Message.Contains("nonsense_104", StringComparison.Ordinal)));
        Assert.Equal(100, race.Violations.Count);
        Assert.Contains("nonsense_5\"", race.Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbruptDisconnect_MidSession_ServerKeepsServingOthers()
    {
        var rude = await Emulator.ConnectSensorAsync();
        await rude.SendAsync(new AnalogLap(1000, 1));
        await Emulator.WaitForRaceAsync(r => r.Find(1)?.LastCrossing == 1000);
        rude.Socket.Abort();
        await rude.DisposeAsync();

        await using var next = await Emulator.ConnectSensorAsync();
        await next.SendAsync(new AnalogLap(3000, 1));

        var race = await Emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 1);
        Assert.Equal(2000, race.Find(1)!.LastLapMs);
    }
}
