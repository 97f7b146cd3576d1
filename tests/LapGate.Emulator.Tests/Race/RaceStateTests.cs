namespace LapGate.Emulator.Tests.Race;

public sealed class RaceStateTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HttpStartStopReset_TwoClients_BothGetEveryEventStatus()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        await using var sensor = await emulator.ConnectSensorAsync();
        await using var watcher = await emulator.ConnectAsync();
        await watcher.HandshakeAsync();
        await sensor.SendAsync(new AnalogLap(1000, 1));
        await sensor.SendAsync(new AnalogLap(2000, 1));
        Assert.Equal("idle", (await emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 1)).State);
        emulator.SetUpOpenRace();

        var started = await emulator.PostRaceAsync("start");
        Assert.Equal("running", started.State);
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveAsync());
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await watcher.ReceiveAsync());

        Assert.Equal("ended", (await emulator.PostRaceAsync("stop")).State);
        Assert.Equal(new UpdateEventStatus(EventStatus.Ended), await sensor.ReceiveAsync());
        Assert.Equal(new UpdateEventStatus(EventStatus.Ended), await watcher.ReceiveAsync());

        var reset = await emulator.PostRaceAsync("reset");
        Assert.Equal("idle", reset.State);
        Assert.Equal(started.Session + 1, reset.Session);
        Assert.All(reset.Controllers, c => Assert.Equal(0, c.Laps));
        Assert.Equal(new UpdateEventStatus(EventStatus.PrepareForStart), await sensor.ReceiveAsync());
        Assert.Equal(new UpdateEventStatus(EventStatus.PrepareForStart), await watcher.ReceiveAsync());
    }

    [Fact]
    public async Task Start_WhenEnded_409UntilReset()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        emulator.SetUpOpenRace();
        await emulator.PostRaceAsync("start");
        await emulator.PostRaceAsync("stop");

        var response = await emulator.PostAsync("api/race/start");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await TestEmulator.ReadErrorAsync(response);
        Assert.Contains("reset", error.Error, StringComparison.Ordinal);
        Assert.Equal("ended", (await emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task Stop_WhenIdle_409AndStaysIdle()
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        var response = await emulator.PostAsync("api/race/stop");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("idle", (await emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task RaceControlFrames_StartThenStop_ChangeStateAndBroadcast()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        await using var sensor = await emulator.ConnectSensorAsync();
        await using var other = await emulator.ConnectAsync();
        emulator.SetUpOpenRace();

        await sensor.SendTextAsync("{\"type\":\"race_control\",\"data\":{\"value\":\"start\"}}");
        Assert.Equal(new UpdateEventStatus("running"), await other.ReceiveAsync());
        Assert.Equal(new UpdateEventStatus("running"), await sensor.ReceiveAsync());

        await sensor.SendAsync(new RaceControl(RaceControl.Vsc));
        await sensor.SendAsync(new RaceControl(RaceControl.Stop));
        Assert.Equal(new UpdateEventStatus("ended"), await other.ReceiveAsync());
        Assert.Equal("ended", (await emulator.GetRaceAsync()).State);
        Assert.Empty((await emulator.GetRaceAsync()).Violations);
    }

    [Fact]
    public async Task Laps_PracticeThenRaceThenPractice_CountOnlyWhilePracticeOrRaceRuns()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        await using var sensor = await emulator.ConnectSensorAsync();
        var practice = await emulator.GetRaceAsync();
        Assert.Equal(RaceKinds.Practice, practice.Setup.Kind);

        // Free practice runs from the start: laps count without starting anything.
        await sensor.SendAsync(new AnalogLap(1000, 2));
        await sensor.SendAsync(new AnalogLap(2000, 2));
        await emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 1);

        // A race set up but not started: a crossing is shown as rejected, not counted, not the reference.
        Assert.Equal(HttpStatusCode.OK, (await emulator.PostAsync("api/race/setup", """{"mode":"open"}""")).StatusCode);
        await sensor.SendAsync(new AnalogLap(3000, 2));
        var prepared = await emulator.WaitForRaceAsync(r => r.Find(2)?.RejectedCount == 1);
        Assert.NotEqual(practice.Session, prepared.Session);
        Assert.Equal(RejectReasons.BeforeStart, Assert.Single(prepared.Find(2)!.RejectedLaps).Reason);
        await emulator.Logs.WaitForLineAsync("crossing controller 2 at 3000 not counted (before_start)");

        await emulator.PostRaceAsync("start");
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveAsync());
        await sensor.SendAsync(new AnalogLap(4000, 2));
        await sensor.SendAsync(new AnalogLap(5250, 2));
        await emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 1);
        await emulator.PostRaceAsync("stop");
        Assert.Equal(new UpdateEventStatus(EventStatus.Ended), await sensor.ReceiveAsync());
        await sensor.SendAsync(new AnalogLap(6000, 2));
        var ended = await emulator.WaitForRaceAsync(r => r.Find(2)?.RejectedCount == 2);
        Assert.Equal([1250L], ended.Find(2)!.LapTimes);
        Assert.Equal(RejectReasons.AfterFinish, ended.Find(2)!.RejectedLaps.Last().Reason);

        // Back to free practice: the race stays in the results, practice counts again from scratch.
        Assert.Equal(HttpStatusCode.OK, (await emulator.PostAsync("api/race/setup", """{"kind":"practice"}""")).StatusCode);
        Assert.Equal(new UpdateEventStatus(EventStatus.PrepareForStart), await sensor.ReceiveAsync());
        await sensor.SendAsync(new AnalogLap(7000, 2));
        await sensor.SendAsync(new AnalogLap(8500, 2));
        var again = await emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 1);
        Assert.Equal([1500L], again.Find(2)!.LapTimes);
        Assert.Equal("idle", again.State);
        Assert.Equal([ended.Session], emulator.Race.Sessions().Select(s => s.Id));
    }
}
