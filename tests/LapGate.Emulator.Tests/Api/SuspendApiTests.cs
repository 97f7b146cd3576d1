namespace LapGate.Emulator.Tests.Api;

/// <summary><c>POST /api/race/suspend</c> and <c>/resume</c>, broadcast as the app's event status.</summary>
public sealed class SuspendApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PostSuspendResume_RunningRace_BroadcastSuspendedThenRunning()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        await using var sensor = await emulator.ConnectSensorAsync();
        emulator.SetUpOpenRace();
        await emulator.PostOkAsync("api/race/start");
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveMessageAsync());

        await emulator.PostOkAsync("api/race/suspend");
        Assert.Equal(new UpdateEventStatus(EventStatus.Suspended), await sensor.ReceiveMessageAsync());
        Assert.Equal("suspended", (await emulator.GetRaceAsync()).State);
        await sensor.SendAsync(new AnalogLap(1000, 1));
        await sensor.SendAsync(new AnalogLap(5000, 1));
        await emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 1);

        await emulator.PostOkAsync("api/race/resume");
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveMessageAsync());
        Assert.Equal("running", (await emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task PostSuspend_WhileIdle_409()
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        var response = await emulator.PostAsync("api/race/suspend");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only a running race can be suspended", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostStart_SetupWithCountdown_BroadcastStartingThenRunning()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero));
        await using var emulator = await TestEmulator.StartAsync(output, o => o.TimeProvider = clock);
        await using var sensor = await emulator.ConnectSensorAsync();
        await emulator.PostOkAsync("api/race/setup", """{"mode":"laps","laps":3,"countdownMs":3000}""");

        await emulator.PostOkAsync("api/race/start");
        Assert.Equal(new UpdateEventStatus(EventStatus.Starting), await sensor.ReceiveMessageAsync());
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveMessageAsync());
        Assert.Equal("running", (await emulator.GetRaceAsync()).State);
    }
}
