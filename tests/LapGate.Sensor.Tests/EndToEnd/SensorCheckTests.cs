namespace LapGate.Sensor.Tests.EndToEnd;

public class SensorCheckTests
{
    [Fact]
    public async Task Check_ValidSample_PrintsMappingAndExitsZero()
    {
        var result = await LapgateCli.RunAsync("sensor", "--check", "--config", Path.Combine(RepoPaths.RepoRoot, "samples", "sensor-config.json"));

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("analog_pit_leave + analog_lap", result.Output, StringComparison.Ordinal);
        Assert.Contains("ws://192.168.1.20:50780", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownFieldsAndWrongTypes_ListsEveryOneInPlainWordsAndExitsTwo()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.json"), """
            {"minlapms":3000,"sensors":[{"pin":21,"lane":1,"point":"FL","activehigh":true},{"pin":"26","lane":2,"point":"FL"},{"pin":4,"lane":0,"point":"FL"}]}
            """);

        var result = await LapgateCli.RunAsync("sensor", "--check", "--config", dir.File("bad.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [
                $"{dir.File("bad.json")}: 5 error(s) in the configuration:",
                "unknown field \"minlapms\" (did you mean \"minLapMs\"?)",
                "sensors[0]: unknown field \"activehigh\" (did you mean \"activeHigh\"?)",
                "sensors[1].pin: expected a whole number, got the string \"26\"",
                "server: missing: give \"server\":\"ws://HOST:PORT\" in the file, or --server ws://HOST:PORT",
                "sensors[2] (pin 4): lane 0 is outside 1..8",
            ],
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("System.", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_PackagedExampleConfig_IsValidAndExplainsEveryGate()
    {
        // deploy/sensor.json becomes /etc/lapgate/sensor.json in the Debian package: comments and all, it must pass.
        var result = await LapgateCli.RunAsync("sensor", "--check", "--config", Path.Combine(RepoPaths.RepoRoot, "deploy", "sensor.json"));

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains("is valid", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"17\W+1\W+FL\W+low\W+analog_lap", result.Output);
        Assert.Matches(@"27\W+2\W+FL\W+low\W+analog_lap", result.Output);
    }

    [Fact]
    public async Task Check_ConfigWithMistakes_ListsEveryOneAndExitsTwo()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.json"), """{"sensors":[{"pin":4,"lane":0,"point":"FL"},{"pin":4,"lane":2,"point":"START"}]}""");

        var result = await LapgateCli.RunAsync("sensor", "--check", "--config", dir.File("bad.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("4 error(s)", result.Error, StringComparison.Ordinal);
        Assert.Contains("server: missing", result.Error, StringComparison.Ordinal);
        Assert.Contains("sensors[0] (pin 4): lane 0 is outside 1..8", result.Error, StringComparison.Ordinal);
        Assert.Contains("sensors[1] (pin 4): pin 4 is used twice", result.Error, StringComparison.Ordinal);
        Assert.Contains("sensors[1] (pin 4): a START button has no lane: remove \"lane\": 2", result.Error, StringComparison.Ordinal);
    }
}
