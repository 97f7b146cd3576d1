using System.CommandLine;
using LapGate.Cli.Commands;

namespace LapGate.Cli.Tests;

/// <summary>A command line lapgate cannot use: plain words on stderr, the help to read, exit 2, nothing started.</summary>
public class UsageErrorsTests
{
    [Theory]
    [InlineData("demo|--cars|x", "--cars: 'x' is not a whole number")]
    [InlineData("demo|--speed|fast", "--speed: 'fast' is not a number")]
    [InlineData("demo|--cars|9", "--cars must be 1..8")]
    [InlineData("sensor|--input|simulate|--cars|0", "--cars must be 1..8")]
    [InlineData("sensor|--input|simulate|--laps|many", "--laps: 'many' is not a whole number")]
    [InlineData("sensor|--input|usb", "--input usb: unknown input (use stdin, simulate, keyboard, gpio[:CHIP] or serial:PATH[@BAUD])")]
    [InlineData("sensor|--input|simulate|--server|:bad", "--server: \":bad\" is not an address like ws://192.168.1.20:50780")]
    [InlineData("sensor|--input|simulate|--status|127.0.0.1:http", "--status 127.0.0.1:http: 'http' is not a port number")]
    [InlineData("sensor|--input|simulate|--allowed-host|race-pi", "--allowed-host only matters with --status HOST:PORT")]
    [InlineData("sensor|--input|simulate|--outbox| ", "--outbox: give a file path")]
    [InlineData("sensor|--check", "--config FILE is required (only --input simulate can run without one)")]
    [InlineData("emulate|--port|x", "--port: 'x' is not a whole number")]
    [InlineData("probe|http://x", "address: \"http://x\" is not an address like ws://192.168.1.20:50780")]
    [InlineData("probe|ws://127.0.0.1:9|--timeout|1e300", "--timeout must be 0.1..60 seconds")]
    [InlineData("bridge|--upstream|::", "lapgate bridge: --upstream '::' is not an address like ws://192.168.1.20:50780")]
    [InlineData("setup|--lanes|9", "--lanes must be 1..8")]
    [InlineData("setup|--gate|17", "--gate 17: not PIN:LANE:POINT[:high]")]
    [InlineData("setup|--min-lap-ms|-1", "--min-lap-ms and --debounce-ms must not be negative")]
    [InlineData("setup|from-pico|config.py|--server|http://tablet", "--server: \"http://tablet\" is not an address like ws://192.168.1.20:50780")]
    public async Task InvokeAsync_BadValue_SaysWhatInPlainWordsAndExitsTwo(string args, string expected)
    {
        var (exitCode, output, error) = await RunAsync(args.Split('|'));

        Assert.Equal(UsageErrors.ExitCode, exitCode);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Contains($"See 'lapgate {args.Split('|')[0]}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_MistypedOption_NamesItSuggestsTheRightOneAndExitsTwo()
    {
        var (exitCode, output, error) = await RunAsync("demo", "--cras", "3");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unrecognized command or argument '--cras'", error, StringComparison.Ordinal);
        Assert.Contains("--cars", output, StringComparison.Ordinal);
        Assert.Contains("See 'lapgate demo --help' for every option.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_SeveralBadValues_ReportsEachOne()
    {
        var (exitCode, _, error) = await RunAsync("setup", "--lanes", "9", "--gate", "17", "--gate", "x:1:FL");

        Assert.Equal(2, exitCode);
        Assert.Contains("--lanes must be 1..8", error, StringComparison.Ordinal);
        Assert.Contains("--gate 17: not PIN:LANE:POINT", error, StringComparison.Ordinal);
        Assert.Contains("--gate x:1:FL: not PIN:LANE:POINT", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_Version_RunsTheCommand()
    {
        var (exitCode, output, error) = await RunAsync("version");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("lapgate ", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await UsageErrors.InvokeAsync(CommandCatalog.Root(), args, new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
