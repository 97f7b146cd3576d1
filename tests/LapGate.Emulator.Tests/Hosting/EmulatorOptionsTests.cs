namespace LapGate.Emulator.Tests.Hosting;

public sealed class EmulatorOptionsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("localhost", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.168.1.20", false)]
    public void IsLoopback_Address_TellsWhetherOnlyThisMachineCanConnect(string bind, bool expected) =>
        Assert.Equal(expected, EmulatorOptions.IsLoopback(bind));

    [Theory]
    [InlineData("Bind", "bind", "tablet.local")]
    [InlineData("Port", "port", "70000")]
    [InlineData("ApiVersion", "api", "0")]
    public void Validate_BadSetting_ErrorNamesTheOption(string option, string setting, string value)
    {
        var options = new EmulatorOptions();
        switch (setting)
        {
            case "bind": options.Bind = value; break;
            case "port": options.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: options.ApiVersion = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var failure = Assert.Single(EmulatorOptionsValidator.Instance.Validate(null, options).Failures!);

        Assert.StartsWith(option + ": ", failure, StringComparison.Ordinal);
        Assert.Contains(value, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOneByProperty()
    {
        var options = new EmulatorOptions { Bind = "tablet", Port = -1, ApiVersion = 0, ControlToken = "short", Faults = new() { CloseAfterAnalogFrames = 0 } };

        var result = EmulatorOptionsValidator.Instance.Validate(null, options);

        Assert.Equal(
            ["Bind", "Port", "ApiVersion", "ControlToken", "Faults.CloseAfterAnalogFrames"],
            result.Failures!.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("--", StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultDatabasePath_UnderLocalApplicationData()
    {
        var path = EmulatorOptions.DefaultDatabasePath;

        Assert.EndsWith(Path.Combine("lapgate", "emulator.db"), path, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(path));
    }

    [Fact]
    public async Task StartAsync_PortZero_UrisCarryTheRealPort()
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        var uri = emulator.Server.WebSocketUri;
        Assert.Equal("ws", uri.Scheme);
        Assert.Equal("127.0.0.1", uri.Host);
        Assert.NotEqual(0, uri.Port);
        Assert.Equal(uri.Port, emulator.Server.HttpUri.Port);
        await emulator.Logs.WaitForLineAsync($"Listening on {uri}");
    }
}
