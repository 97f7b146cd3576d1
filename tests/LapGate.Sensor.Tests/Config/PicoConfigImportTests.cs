using LapGate.Sensor.Config.Pico;

namespace LapGate.Sensor.Tests.Config;

public class PicoConfigImportTests
{
    [Fact]
    public void Import_OriginalExample_EveryGateAndTheServerFromConfigSmartrace()
    {
        var result = PicoConfigImport.Import(PicoConfigs.OriginalExample);

        Assert.Equal(new Uri("ws://192.168.1.20:50780"), result.Config.Server);
        Assert.Equal(
            [new SensorEntry(21, 1, TrackPoint.FL), new SensorEntry(20, 1, TrackPoint.PE), new SensorEntry(6, 2, TrackPoint.FLPL), new SensorEntry(7, 2, TrackPoint.PE)],
            result.Config.Sensors);
        Assert.Empty(result.Warnings);
        var reloaded = SensorConfigLoader.Parse(result.Json);
        Assert.Equal(result.Config.Sensors, reloaded.Sensors);
        Assert.DoesNotContain("s3cret", result.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ServerGivenOnTheCommandLine_WinsAndConfigSmartraceMayBeMissing()
    {
        var result = PicoConfigImport.Import("config_hardware = [(21, 1, 'fl')]\n", serverOverride: new Uri("ws://10.0.0.5:50780"));

        Assert.Equal(new Uri("ws://10.0.0.5:50780"), result.Config.Server);
        Assert.Equal([new SensorEntry(21, 1, TrackPoint.FL)], result.Config.Sensors);
    }

    [Fact]
    public void Import_Gpio2_WarnsAboutTheOriginalReRegisterButton()
    {
        var result = PicoConfigImport.Import("config_smartrace = {'server': 'tablet.local'}\nconfig_hardware = [\n  (2, 1, 'FL'),\n  (3, 2, 'FL')]\n");

        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("line 3: GPIO 2 is the original firmware's re-register push button", warning, StringComparison.Ordinal);
        Assert.Equal(new Uri("ws://tablet.local:50780"), result.Config.Server);
    }

    [Fact]
    public void Import_PinTheBoardUsesItself_Warns()
    {
        var result = PicoConfigImport.Import("config_smartrace = {'server': '1.2.3.4'}\nconfig_hardware = [(21, 1, 'FL'),\n (25, 2, 'FL')]\n");

        Assert.Equal(["line 3: GPIO 25 is used by the Pico itself (power, LED, Wi-Fi on a Pico W) and is not on the header: use another pin."], result.Warnings);
    }

    [Theory]
    [InlineData("config_hardware = [\n  (21, 1, 'FL'),\n  (20, 1, pin(3))\n", "line 1: '[' is never closed: add ']'")]
    [InlineData("x = 'a\nimport os\n", "line 1: a string that starts with ' is never closed: add the closing '")]
    public void Import_UnclosedBracketOrString_IsTheOnlyErrorReported(string text, string expected)
    {
        var ex = Assert.Throws<SensorConfigException>(() => PicoConfigImport.Import(text));

        Assert.Equal(expected, Assert.Single(ex.Errors).ToString());
    }

    [Theory]
    [InlineData("import network\nconfig_hardware = [(21, 1, 'FL')]\n", "line 1: 'import …' is not allowed")]
    [InlineData("config_smartrace = {'server': '1.2.3.4', 'port': 50780}\nconfig_hardware = [(21, 1, 'FL'), (pin(20), 1, 'PE')]\n", "line 2: a function call 'pin(…)' is not allowed")]
    [InlineData("config_smartrace = {'server': '1.2.3.4'}\nconfig_hardware = [\n  (21, 1, 'FL'),\n  (20, 1, 'PE')\n", "line 2: '[' is never closed: add ']'")]
    [InlineData("print('hello')\n", "line 1: a function call 'print(…)' is not allowed")]
    [InlineData("x = 1\nport = x + 1\n", "line 2: 'x' is a name, not a value")]
    [InlineData("a = 5 + 1\n", "line 1: '+' is not allowed (no arithmetic")]
    [InlineData("s = 'open\n", "line 1: a string that starts with ' is never closed")]
    [InlineData("s = f'{1}'\n", "line 1: an f-string is not allowed")]
    [InlineData("a = (1, 2]\n", "line 1: ']' closes a bracket that was not opened ('(' from line 1 is still open)")]
    [InlineData("config_smartrace = {'server': '1.2.3.4'}\nconfig_hardware = [\n (21, 1, 'FL'),\n (21, 2, 'FL'),\n]\n", "line 4 (GPIO 21): pin 21 is used twice (also by line 3)")]
    [InlineData("config_smartrace = {'server': '1.2.3.4'}\nconfig_hardware = [(21, 9, 'FL')]\n", "line 2: the lane must be a whole number 1..8, not the number 9")]
    [InlineData("config_smartrace = {'server': '1.2.3.4'}\nconfig_hardware = [(21, 1, 'XX')]\n", "line 2: the track point must be 'FL', 'PE', 'PL' or 'FLPL', not the string 'XX'")]
    [InlineData("config_smartrace = {'server': '1.2.3.4'}\n", "config_hardware: missing")]
    [InlineData("config_hardware = [(21, 1, 'FL')]\n", "config_smartrace: missing: give the app's address with --server")]
    [InlineData("config_smartrace = {'server': '1.2.3.4', 'port': '50780'}\nconfig_hardware = [(21, 1, 'FL')]\n", "line 1: config_smartrace \"port\" must be a whole number 1..65535")]
    public void Import_NotPlainData_ErrorNamesTheLine(string text, string expected)
    {
        var ex = Assert.Throws<SensorConfigException>(() => PicoConfigImport.Import(text));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("config.py: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_SeveralMistakes_ReportsEveryOne()
    {
        var ex = Assert.Throws<SensorConfigException>(() => PicoConfigImport.Import("import os\nfrom machine import Pin\nx = os.getcwd()\n"));

        Assert.Equal(["line 1", "line 2", "line 3"], ex.Errors.Select(e => e.Where));
    }

    [Fact]
    public void Import_DocstringTuplesHexAndLineContinuation_AreData()
    {
        var text = "\"\"\"My track.\n  Two lanes.\"\"\"\nconfig_smartrace = {'server': \"192.168.\" \"1.20\", 'port': 0xC62C}\nconfig_hardware = ((21, 1, 'FL'), \\\n  (20, 2, 'FL'),)\nflag = True; \n";

        var ex = Assert.Throws<SensorConfigException>(() => PicoConfigImport.Import(text));

        Assert.Contains("line 6: found ';'", ex.Message, StringComparison.Ordinal);
        var result = PicoConfigImport.Import(text.Replace("; ", "", StringComparison.Ordinal));
        Assert.Equal(new Uri("ws://192.168.1.20:50732"), result.Config.Server);
        Assert.Equal([21, 20], result.Config.Sensors.Select(s => s.Pin));
    }
}
