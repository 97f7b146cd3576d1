namespace LapGate.Emulator.Tests.Race;

public sealed class RaceStateTests(ITestOutputHelper output) : EmulatorTest(output)
{
    [Fact]
    public async Task HttpStartStopReset_TwoClients_BothGetEveryEventStatus()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();
        await using var watcher = await Emulator.ConnectAsync();
        await watcher.HandshakeAsync();
        await sensor.SendAsync(new AnalogLap(1000, 1));
        await sensor.SendAsync(new AnalogLap(2000, 1));
        Assert.Equal("idle", (await Emulator.WaitForRaceAsync(r => r.Find(1)?.Laps == 1)).State);
        Emulator.SetUpOpenRace();

        var started = await Emulator.PostRaceAsync("start");
        Assert.Equal("running", started.State);
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveMessageAsync());
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await watcher.ReceiveMessageAsync());

        Assert.Equal("ended", (await Emulator.PostRaceAsync("stop")).State);
        Assert.Equal(new UpdateEventStatus(EventStatus.Ended), await sensor.ReceiveMessageAsync());
        Assert.Equal(new UpdateEventStatus(EventStatus.Ended), await watcher.ReceiveMessageAsync());

        var reset = await Emulator.PostRaceAsync("reset");
        Assert.Equal("idle", reset.State);
        Assert.Equal(started.Session + 1, reset.Session);
        Assert.All(reset.Controllers, c => Assert.Equal(0, c.Laps));
        Assert.Equal(new UpdateEventStatus(EventStatus.PrepareForStart), await sensor.ReceiveMessageAsync());
        Assert.Equal(new UpdateEventStatus(EventStatus.PrepareForStart), await watcher.ReceiveMessageAsync());
    }

    [Fact]
    public async Task Start_WhenEnded_409UntilReset()
    {
        Emulator.SetUpOpenRace();
        await Emulator.PostRaceAsync("start");
        await Emulator.PostRaceAsync("stop");

        var response = await Emulator.PostAsync("api/race/start");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await TestEmulator.ReadErrorAsync(response);
        Assert.Contains("reset", error.Error, StringComparison.Ordinal);
        Assert.Equal("ended", (await Emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task Stop_WhenIdle_409AndStaysIdle()
    {
        var response = await Emulator.PostAsync("api/race/stop");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("idle", (await Emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task RaceControlFrames_StartThenStop_ChangeStateAndBroadcast()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();
        await using var other = await Emulator.ConnectAsync();
        Emulator.SetUpOpenRace();

        await sensor.SendTextAsync("{\"type\":\"race_control\",\"data\":{\"value\":\"start\"}}");
        Assert.Equal(new UpdateEventStatus("running"), await other.ReceiveMessageAsync());
        Assert.Equal(new UpdateEventStatus("running"), await sensor.ReceiveMessageAsync());

        await sensor.SendAsync(new RaceControl(RaceControl.Vsc));
        await sensor.SendAsync(new RaceControl(RaceControl.Stop));
        Assert.Equal(new UpdateEventStatus("ended"), await other.ReceiveMessageAsync());
        Assert.Equal("ended", (await Emulator.GetRaceAsync()).State);
        Assert.Empty((await Emulator.GetRaceAsync()).Violations);
    }

    [Fact]
    public async Task Laps_PracticeThenRaceThenPractice_CountOnlyWhilePracticeOrRaceRuns()
    {
        await using var sensor = await Emulator.ConnectSensorAsync();
        var practice = await Emulator.GetRaceAsync();
        Assert.Equal(RaceKinds.Practice, practice.Setup.Kind);

        // Free practice runs from the start: laps count without starting anything.
        await sensor.SendAsync(new AnalogLap(1000, 2));
        await sensor.SendAsync(new AnalogLap(2000, 2));
        await Emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 1);

        // A race set up but not started: a crossing is shown as rejected, not counted, not the reference.
        Assert.Equal(HttpStatusCode.OK, (await Emulator.PostAsync("api/race/setup", """{"mode":"open"}""")).StatusCode);
        await sensor.SendAsync(new AnalogLap(3000, 2));
        var prepared = await Emulator.WaitForRaceAsync(r => r.Find(2)?.RejectedCount == 1);
        Assert.NotEqual(practice.Session, prepared.Session);
        Assert.Equal(RejectReasons.BeforeStart, Assert.Single(prepared.Find(2)!.RejectedLaps).Reason);
        await Emulator.Logs.WaitForLineAsync("crossing controller 2 at 3000 not counted (before_start)");

        await Emulator.PostRaceAsync("start");
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveMessageAsync());
        await sensor.SendAsync(new AnalogLap(4000, 2));
        await sensor.SendAsync(new AnalogLap(5250, 2));
        await Emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 1);
        await Emulator.PostRaceAsync("stop");
        Assert.Equal(new UpdateEventStatus(EventStatus.Ended), await sensor.ReceiveMessageAsync());
        await sensor.SendAsync(new AnalogLap(6000, 2));
        var ended = await Emulator.WaitForRaceAsync(r => r.Find(2)?.RejectedCount == 2);
        Assert.Equal([1250L], ended.Find(2)!.LapTimes);
        Assert.Equal(RejectReasons.AfterFinish, ended.Find(2)!.RejectedLaps.Last().Reason);

        // Back to free practice: the race stays in the results, practice counts again from scratch.
        Assert.Equal(HttpStatusCode.OK, (await Emulator.PostAsync("api/race/setup", """{"kind":"practice"}""")).StatusCode);
        Assert.Equal(new UpdateEventStatus(EventStatus.PrepareForStart), await sensor.ReceiveMessageAsync());
        await sensor.SendAsync(new AnalogLap(7000, 2));
        await sensor.SendAsync(new AnalogLap(8500, 2));
        var again = await Emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 1);
        Assert.Equal([1500L], again.Find(2)!.LapTimes);
        Assert.Equal("idle", again.State);
        Assert.Equal([ended.Session], Emulator.Race.Sessions().Select(s => s.Id));
    }
}
