namespace LapGate.Sensor.Tests.EndToEnd;

/// <summary>The built <c>lapgate setup from-pico</c>: writes a config that <c>lapgate sensor --check</c> accepts.</summary>
public class SetupFromPicoTests
{
    [Fact]
    public async Task FromPico_OriginalExample_WritesAConfigThatPassesCheck()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("config.py"), PicoConfigs.OriginalExample);

        var (exit, output, error) = await LapgateCli.RunAsync("setup", "from-pico", dir.File("config.py"), "--output", dir.File("sensor.json"));

        Assert.True(exit == 0, output + error);
        Assert.Contains("4 gate(s) (GPIO 21 lane 1 FL, GPIO 20 lane 1 PE, GPIO 6 lane 2 FLPL, GPIO 7 lane 2 PE), server ws://192.168.1.20:50780", output, StringComparison.Ordinal);
        var check = await LapgateCli.RunAsync("sensor", "--config", dir.File("sensor.json"), "--check");
        Assert.True(check.ExitCode == 0, check.Output + check.Error);
    }

    [Fact]
    public async Task FromPico_OutputExists_RefusesWithoutForceAndReplacesWithIt()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("config.py"), PicoConfigs.OriginalExample);
        await File.WriteAllTextAsync(dir.File("sensor.json"), "{\"mine\": true}");

        var refused = await LapgateCli.RunAsync("setup", "from-pico", dir.File("config.py"), "-o", dir.File("sensor.json"));
        var forced = await LapgateCli.RunAsync("setup", "from-pico", dir.File("config.py"), "-o", dir.File("sensor.json"), "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("already exists: nothing written. Give --force to replace it", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("\"pin\": 21", await File.ReadAllTextAsync(dir.File("sensor.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromPico_CodeInConfigPy_ExitsTwoNamingTheLineAndWritesNothing()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("config.py"), "import network\nconfig_hardware = [(21, 1, 'FL')]\nwlan = network.WLAN()\n");

        var (exit, output, error) = await LapgateCli.RunAsync("setup", "from-pico", dir.File("config.py"), "-o", dir.File("sensor.json"));

        Assert.Equal(2, exit);
        Assert.Contains("line 1: 'import …' is not allowed", error, StringComparison.Ordinal);
        Assert.Contains("line 3: 'network' is a name, not a value", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("sensor.json")));
    }
}
