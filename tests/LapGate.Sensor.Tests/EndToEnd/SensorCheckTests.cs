using LapGate.Sensor.Tests.Support;
using LapGate.TestSupport;

namespace LapGate.Sensor.Tests.EndToEnd;

public class SensorCheckTests
{
    [Fact]
    public async Task Check_ValidSample_PrintsMappingAndExitsZero()
    {
        var result = await LapgateProcess.RunAsync("", TimeSpan.FromSeconds(30),
            "sensor", "--check", "--config", Path.Combine(RepoPaths.RepoRoot, "samples", "sensor-config.json"));

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("analog_pit_leave + analog_lap", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ws://192.168.1.20:50780", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PackagedExampleConfig_IsValidAndExplainsEveryGate()
    {
        // deploy/sensor.json becomes /etc/lapgate/sensor.json in the Debian package: comments and all, it must pass.
        var result = await LapgateProcess.RunAsync("", TimeSpan.FromSeconds(30),
            "sensor", "--check", "--config", Path.Combine(RepoPaths.RepoRoot, "deploy", "sensor.json"));

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("is valid", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"17\W+1\W+FL\W+low\W+analog_lap", result.StandardOutput);
        Assert.Matches(@"27\W+2\W+FL\W+low\W+analog_lap", result.StandardOutput);
    }

    [Fact]
    public async Task Check_ConfigWithMistakes_ListsEveryOneAndExitsTwo()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.json"), """{"sensors":[{"pin":4,"lane":0,"point":"FL"},{"pin":4,"lane":2,"point":"START"}]}""");

        var result = await LapgateProcess.RunAsync("", TimeSpan.FromSeconds(30), "sensor", "--check", "--config", dir.File("bad.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("4 error(s)", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("server: missing", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("sensors[0] (pin 4): lane 0 is outside 1..8", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("sensors[1] (pin 4): pin 4 is used twice", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("sensors[1] (pin 4): a START button has no lane: remove \"lane\": 2", result.StandardError, StringComparison.Ordinal);
    }
}
