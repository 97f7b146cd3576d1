using LapGate.Emulator.Tests.Infrastructure;
using LapGate.Protocol.Messages;
using LapGate.TestSupport;
using Xunit.Abstractions;

namespace LapGate.Emulator.Tests.Cli;

/// <summary>The real <c>lapgate emulate</c> process: listening line, one line per event, Ctrl+C, errors.</summary>
public sealed class EmulateCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Emulate_LapsThenCtrlC_PrintsEventsAndStopsCleanly()
    {
        using var folder = new TempDirectory();
        using var cli = CliProcess.Start("emulate", "--port", "0", "--db", folder.File("race.db"), "--fault-handshake-delay", "1");
        try
        {
            var listening = await cli.WaitForLineAsync("LapGate emulator listening on ");
            var uri = new Uri(listening.Split(' ').First(w => w.StartsWith("ws://", StringComparison.Ordinal)));
            await cli.WaitForLineAsync("Live dashboard: http://127.0.0.1:");
            await using (var sensor = await TestClient.ConnectAsync(uri))
            {
                await sensor.RegisterAsync();
                await sensor.SendAsync(new AnalogLap(10_000, 1));
                await sensor.SendAsync(new AnalogLap(14_321, 1));
                await cli.WaitForLineAsync("lap  controller 1: 4321 ms (lap 1, best 4321 ms) from c1");
                await sensor.SendTextAsync("{oops");
                await cli.WaitForLineAsync("WARNING violation c1 invalid_json");
            }

            await cli.InterruptAsync();

            Assert.Equal(0, await cli.WaitForExitAsync());
            Assert.Contains("Stopping", cli.Output, StringComparison.Ordinal);
            Assert.Contains("registered as analog sensor", cli.Output, StringComparison.Ordinal);
            Assert.Contains("faults now: handshake delay 1 ms", cli.Output, StringComparison.Ordinal);
        }
        finally
        {
            output.WriteLine(cli.Output);
        }
    }

    [Theory]
    [InlineData("--drivers|/nonexistent/drivers.json", "--drivers: file '/nonexistent/drivers.json' does not exist")]
    [InlineData("--bind|tablet", "--bind: 'tablet' is not an IP address")]
    [InlineData("--fault-close-after|0", "--fault-close-after: must be at least 1 analog frame, got 0")]
    [InlineData("--control-token|short", "--control-token: use at least 8 characters and no spaces")]
    [InlineData("--api-version|0", "--api-version: 0 must be a positive number")]
    [InlineData("--handshake-timeout|0", "--handshake-timeout: 0 s must be more than 0")]
    [InlineData("--max-connections|0", "--max-connections: 0 must be between 1 and 10000")]
    [InlineData("--allowed-host|http://x/", "--allowed-host: allowed host \"http://x/\" is not a host name")]
    public async Task Emulate_BadOption_ExitsTwoWithOneClearLine(string args, string message)
    {
        using var cli = CliProcess.Start(["emulate", "--port", "0", "--no-db", .. args.Split('|')]);

        var exit = await cli.WaitForExitAsync();

        output.WriteLine(cli.Output);
        Assert.Equal(2, exit);
        Assert.Contains("error: " + message, cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_DbAndNoDb_Refused()
    {
        using var cli = CliProcess.Start("emulate", "--db", "x.db", "--no-db");

        var exit = await cli.WaitForExitAsync();

        Assert.NotEqual(0, exit);
        Assert.Contains("--db and --no-db cannot be used together", cli.Output, StringComparison.Ordinal);
    }
}
