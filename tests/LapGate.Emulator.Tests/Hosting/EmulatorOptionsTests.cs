using LapGate.Emulator.Tests.Infrastructure;
using Xunit.Abstractions;

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
    [InlineData("--bind", "bind", "tablet.local")]
    [InlineData("--port", "port", "70000")]
    [InlineData("--api-version", "api", "0")]
    public void Validate_BadSetting_ErrorNamesTheOption(string option, string setting, string value)
    {
        var options = new EmulatorOptions();
        switch (setting)
        {
            case "bind": options.Bind = value; break;
            case "port": options.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: options.ApiVersion = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var ex = Assert.Throws<EmulatorConfigurationException>(options.Validate);

        Assert.StartsWith(option, ex.Message, StringComparison.Ordinal);
        Assert.Contains(value, ex.Message, StringComparison.Ordinal);
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
