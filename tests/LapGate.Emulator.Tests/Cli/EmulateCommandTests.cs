namespace LapGate.Emulator.Tests.Cli;

/// <summary>The real <c>lapgate emulate</c> process: listening line, one line per event, Ctrl+C, errors.</summary>
public sealed class EmulateCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Emulate_LapsThenCtrlC_PrintsEventsAndStopsCleanly()
    {
        using var folder = new TempDirectory();
        using var cli = LapgateCli.Start("emulate", "--port", "0", "--db", folder.File("race.db"), "--fault-handshake-delay", "1");
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

            cli.Interrupt();

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
    [InlineData("--allowed-host|http://race-pi", "--allowed-host: allowed host \"http://race-pi\" is not a host name")]
    [InlineData("--allow-origin|overlay.local", "--allow-origin: allowed origin \"overlay.local\" is not an origin")]
    public async Task Emulate_BadOption_ExitsTwoWithOneClearLine(string args, string message)
    {
        using var cli = LapgateCli.Start(["emulate", "--port", "0", "--no-db", .. args.Split('|')]);

        var exit = await cli.WaitForExitAsync();

        output.WriteLine(cli.Output);
        Assert.Equal(2, exit);
        Assert.Contains("error: " + message, cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_DbAndNoDb_Refused()
    {
        using var cli = LapgateCli.Start("emulate", "--db", "x.db", "--no-db");

        var exit = await cli.WaitForExitAsync();

        Assert.NotEqual(0, exit);
        Assert.Contains("--db and --no-db cannot be used together", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_SecondOnTheSameDb_ExitsTwoNamingFileAndPid()
    {
        using var db = new TestDatabase("race.db");
        using var first = LapgateCli.Start("emulate", "--port", "0", "--db", db.Path);
        try
        {
            await first.WaitForLineAsync("LapGate emulator listening on ");
            using var second = LapgateCli.Start("emulate", "--port", "0", "--db", db.Path);

            var exit = await second.WaitForExitAsync();

            output.WriteLine(second.Output);
            Assert.Equal(2, exit);
            Assert.Equal($"error: database {db.Path} is in use by another lapgate emulator (pid {first.Id}): stop that one, or start this one with another --db", second.Output.Trim());
            first.Interrupt();
            Assert.Equal(0, await first.WaitForExitAsync());
        }
        finally
        {
            output.WriteLine(first.Output);
        }
    }

    [Fact]
    public async Task Emulate_FirstKilled_SecondStartsOnTheSameDb()
    {
        using var db = new TestDatabase("race.db");
        using (var first = LapgateCli.Start("emulate", "--port", "0", "--db", db.Path))
        {
            await first.WaitForLineAsync("LapGate emulator listening on ");
            first.Kill();
            await first.WaitForExitAsync();
        }

        using var second = LapgateCli.Start("emulate", "--port", "0", "--db", db.Path);
        await second.WaitForLineAsync("LapGate emulator listening on ");
        second.Interrupt();

        Assert.Equal(0, await second.WaitForExitAsync());
    }

    [Fact]
    public async Task Emulate_DamagedDb_ExitsTwoWithOneLineAndNoStackTrace()
    {
        using var db = new TestDatabase("race.db");
        await File.WriteAllBytesAsync(db.Path, [.. "SQLite format 3\0"u8, .. Enumerable.Range(0, 8192).Select(i => (byte)(i * 37))]);

        using var cli = LapgateCli.Start("emulate", "--port", "0", "--db", db.Path);
        var exit = await cli.WaitForExitAsync();

        output.WriteLine(cli.Output);
        Assert.Equal(2, exit);
        var line = Assert.Single(cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: database {db.Path} is damaged (", line, StringComparison.Ordinal);
        Assert.True(File.Exists(db.Path));
    }

    [Fact]
    public async Task Emulate_BindToAnAddressThisMachineLacks_ExitsTwoWithOneLine()
    {
        using var cli = LapgateCli.Start("emulate", "--port", "0", "--no-db", "--bind", "192.0.2.77");

        var exit = await cli.WaitForExitAsync();

        output.WriteLine(cli.Output);
        Assert.Equal(2, exit);
        Assert.Equal("error: --bind: this machine has no address 192.0.2.77; use 127.0.0.1 (this machine only), 0.0.0.0 (every network) " +
            "or one of its own addresses (see `ip addr`)", cli.Output.Trim());
    }

    [Fact]
    public async Task Emulate_GuardFlags_AllowTheNamedHostAndOrigin()
    {
        using var cli = LapgateCli.Start("emulate", "--port", "0", "--no-db", "--allowed-host", "race-pi.example.net",
            "--allow-origin", "http://overlay.local:8080", "--handshake-timeout", "5", "--max-connections", "3");
        try
        {
            var listening = await cli.WaitForLineAsync("LapGate emulator listening on ");
            var api = new Uri(listening.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal)));
            using var http = new HttpClient { Timeout = Wait.Limit };
            using var named = new HttpRequestMessage(HttpMethod.Get, api);
            named.Headers.Host = "race-pi.example.net";
            using var other = new HttpRequestMessage(HttpMethod.Get, api);
            other.Headers.Host = "rebind.example";
            using var fromOverlay = new HttpRequestMessage(HttpMethod.Post, new Uri(api, "/api/race/reset")) { Content = TestEmulator.NoBody() };
            fromOverlay.Headers.Add("Origin", "http://overlay.local:8080");

            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.SendAsync(named)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await http.SendAsync(other)).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.SendAsync(fromOverlay)).StatusCode);

            cli.Interrupt();
            Assert.Equal(0, await cli.WaitForExitAsync());
        }
        finally
        {
            output.WriteLine(cli.Output);
        }
    }
}
