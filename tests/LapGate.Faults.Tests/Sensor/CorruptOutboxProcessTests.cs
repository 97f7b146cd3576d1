using LapGate.Emulator;
using LapGate.Emulator.Hosting;
using LapGate.Faults.Tests.Support;
using LapGate.TestSupport;

namespace LapGate.Faults.Tests.Sensor;

public class CorruptOutboxProcessTests
{
    [Fact]
    public async Task SensorProcess_CorruptOutboxFile_SaysSoMovesItAsideAndDelivers()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("track.json"), LapPlan.TrackJson);
        var outbox = dir.File("outbox.db");
        var garbage = "SQLite format 3\0 but then the card died " + new string('\u00ff', 3000);
        File.WriteAllText(outbox, garbage);
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });

        using var sensor = LapgateCli.Start("sensor", "--server", emulator.WebSocketUri.ToString(), "--config", dir.File("track.json"), "--outbox", outbox);
        await sensor.WriteLineAsync("21 1000000");
        await sensor.WriteLineAsync("21 5123456");
        sensor.CloseInput();
        var exit = await sensor.WaitForExitAsync();

        Assert.True(exit == 0, sensor.Output);
        Assert.Contains($"the outbox {outbox} is unusable", sensor.Output, StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetFiles(dir.Path, "outbox.db.bad-*"));
        Assert.Contains(aside, sensor.Output, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllText(aside));
        Assert.Equal([4123L], emulator.Race.Snapshot().Find(1)!.LapTimes);
    }
}
