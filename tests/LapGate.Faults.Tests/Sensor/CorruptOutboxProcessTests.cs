namespace LapGate.Faults.Tests.Sensor;

public class CorruptOutboxProcessTests
{
    [Fact]
    public async Task SensorProcess_CorruptOutboxFile_SaysSoMovesItAsideAndDelivers()
    {
        await using var rig = await SensorRig.StartAsync();
        var outbox = rig.Outbox;
        var garbage = "SQLite format 3\0 but then the card died " + new string('\u00ff', 3000);
        File.WriteAllText(outbox, garbage);

        using var sensor = rig.StartSensor();
        await sensor.WriteLineAsync("21 1000000");
        await sensor.WriteLineAsync("21 5123456");
        sensor.CloseInput();
        var exit = await sensor.WaitForExitAsync();

        Assert.True(exit == 0, sensor.Output);
        Assert.Contains($"the outbox {outbox} is unusable", sensor.Output, StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetFiles(rig.Dir.Path, "outbox.db.bad-*"));
        Assert.Contains(aside, sensor.Output, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllText(aside));
        Assert.Equal([4123L], rig.Emulator.Race.Snapshot().Find(1)!.LapTimes);
    }
}
