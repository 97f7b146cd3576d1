using System.Net;
using System.Net.Http.Json;
using LapGate.Emulator.Api;
using LapGate.Emulator.Tests.Infrastructure;
using LapGate.Protocol.Messages;
using Xunit.Abstractions;

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

        var started = await PostRaceAsync(emulator, "start");
        Assert.Equal("running", started.State);
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await sensor.ReceiveAsync());
        Assert.Equal(new UpdateEventStatus(EventStatus.Running), await watcher.ReceiveAsync());

        Assert.Equal("ended", (await PostRaceAsync(emulator, "stop")).State);
        Assert.Equal(new UpdateEventStatus(EventStatus.Ended), await sensor.ReceiveAsync());
        Assert.Equal(new UpdateEventStatus(EventStatus.Ended), await watcher.ReceiveAsync());

        var reset = await PostRaceAsync(emulator, "reset");
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
        await PostRaceAsync(emulator, "start");
        await PostRaceAsync(emulator, "stop");

        var response = await emulator.Http.PostAsync("api/race/start", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync(EmulatorJsonContext.Default.ApiError);
        Assert.Contains("reset", error!.Error, StringComparison.Ordinal);
        Assert.Equal("ended", (await emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task Stop_WhenIdle_409AndStaysIdle()
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        var response = await emulator.Http.PostAsync("api/race/stop", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("idle", (await emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task RaceControlFrames_StartThenStop_ChangeStateAndBroadcast()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        await using var sensor = await emulator.ConnectSensorAsync();
        await using var other = await emulator.ConnectAsync();

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
    public async Task Laps_InEveryState_AlwaysCount()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        await using var sensor = await emulator.ConnectSensorAsync();

        await sensor.SendAsync(new AnalogLap(1000, 2));
        await sensor.SendAsync(new AnalogLap(2000, 2));
        await emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 1);
        await PostRaceAsync(emulator, "start");
        await sensor.SendAsync(new AnalogLap(3000, 2));
        await emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 2);
        await PostRaceAsync(emulator, "stop");
        await sensor.SendAsync(new AnalogLap(4000, 2));

        await emulator.WaitForRaceAsync(r => r.Find(2)?.Laps == 3);
    }

    private static async Task<LapGate.Emulator.Race.RaceSnapshot> PostRaceAsync(TestEmulator emulator, string command)
    {
        var response = await emulator.Http.PostAsync($"api/race/{command}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(EmulatorJsonContext.Default.RaceSnapshot))!;
    }
}
