namespace LapGate.Emulator.Tests.Security;

/// <summary>Only the analog sensor (a connection registered as <c>"Z"</c>) may start or stop the race over the WebSocket.</summary>
public sealed class RaceControlAccessTests(ITestOutputHelper output)
{
    private const string Start = "{\"type\":\"race_control\",\"data\":{\"value\":\"start\"}}";

    [Fact]
    public async Task RaceControl_NeverRegistered_IgnoredAndListedAsViolation()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.ControlToken = "track-night-42");
        emulator.SetUpOpenRace();
        await using var stranger = await emulator.ConnectAsync();

        await stranger.SendTextAsync(Start);

        var race = await emulator.WaitForRaceAsync(r => r.Violations.Any(v => v.Kind == ViolationKinds.NotAllowed));
        Assert.Equal("idle", race.State);
        var violation = Assert.Single(race.Violations, v => v.Kind == ViolationKinds.NotAllowed);
        Assert.Equal("c1", violation.Connection);
        Assert.Contains("not the analog sensor", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaceControl_FromClientFollowingController3_Ignored()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        emulator.SetUpOpenRace();
        await using var client = await emulator.ConnectAsync();
        await client.HandshakeAsync();
        await client.SendAsync(new ControllerSet("3"));

        await client.SendTextAsync(Start);

        var race = await emulator.WaitForRaceAsync(r => r.Violations.Any(v => v.Kind == ViolationKinds.NotAllowed));
        Assert.Equal("idle", race.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("track-night-42")]
    public async Task RaceControl_RegisteredSensorWithoutOrigin_StartsWithOrWithoutToken(string? token)
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.ControlToken = token);
        emulator.SetUpOpenRace();
        await using var sensor = await emulator.ConnectSensorAsync();

        await sensor.SendTextAsync(Start);

        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveMessageAsync());
        Assert.Equal("running", (await emulator.GetRaceAsync()).State);
        Assert.DoesNotContain((await emulator.GetRaceAsync()).Violations, v => v.Kind == ViolationKinds.NotAllowed);
    }
}
