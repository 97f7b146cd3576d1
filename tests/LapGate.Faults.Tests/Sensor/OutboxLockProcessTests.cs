namespace LapGate.Faults.Tests.Sensor;

/// <summary>One sensor per outbox, between real processes: the lock is the kernel's, so SIGKILL releases it.</summary>
public class OutboxLockProcessTests
{
    [Fact]
    public async Task SensorProcess_SecondOnTheSameOutbox_ExitsTwoAtOnceNamingTheFirstAndStartsOnceTheFirstIsKilled()
    {
        await using var rig = await SensorRig.StartAsync();
        var (outbox, emulator) = (rig.Outbox, rig.Emulator);

        using var first = rig.StartSensor();
        await first.WaitForLineAsync("registered with the app");
        await first.WriteLineAsync("21 1000000");
        await RaceWait.CrossingsAsync(emulator, 1);

        using (var second = rig.StartSensor())
        {
            // Refused before it reads a line or connects: this lap would otherwise be sent by the wrong process.
            await second.WriteLineAsync("22 1000000");
            Assert.Equal(2, await second.WaitForExitAsync());
            Assert.Contains($"error: outbox {outbox} is in use by another lapgate sensor (pid {first.Id})", second.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("registered with the app", second.Output, StringComparison.Ordinal);
        }
        var check = await LapgateCli.RunAsync("sensor", "--check", "--config", rig.Dir.File("track.json"), "--server", emulator.WebSocketUri.ToString());
        Assert.True(check.ExitCode == 0, check.Output + check.Error);

        first.Kill();
        await first.WaitForExitAsync();
        using var third = rig.StartSensor();
        await third.WaitForLineAsync("registered with the app");
        await third.WriteLineAsync("21 5123456");
        third.CloseInput();
        Assert.True(await third.WaitForExitAsync() == 0, third.Output);

        // Two crossings of lane 1, one from each run that held the lock (the lap's length across the restart is the
        // device clock's business); nothing from the refused one.
        var race = emulator.Race.Snapshot();
        Assert.Single(race.Find(1)!.LapTimes);
        Assert.Empty(race.Violations);
        Assert.Null(race.Find(2)?.LastCrossing);
    }
}
