namespace LapGate.Emulator.Tests.Cli;

/// <summary>
/// The emulator's messages name its options by property (<c>DatabasePath</c>); the real <c>lapgate emulate</c> shows
/// its flags instead (<c>--db</c>, <c>--no-db</c>, <c>--allowed-host</c>, <c>--max-connections</c>), at start and while it runs.
/// </summary>
public sealed class EmulateFlagNamesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Emulate_DamagedDatabase_ExitsTwoNamingDbAndNoDb()
    {
        using var db = new TestDatabase();
        await File.WriteAllTextAsync(db.Path, "these are my notes, not a database\n");
        using var cli = LapgateCli.Start("emulate", "--port", "0", "--db", db.Path);

        var exit = await cli.WaitForExitAsync();

        output.WriteLine(cli.Output);
        Assert.Equal(2, exit);
        Assert.StartsWith($"error: database {db.Path} is damaged (", cli.Output.Trim(), StringComparison.Ordinal);
        Assert.Contains("Start with another --db (or --no-db); the damaged file is kept as it is", cli.Output, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database\n", await File.ReadAllTextAsync(db.Path));
    }

    [Fact]
    public async Task Emulate_DatabaseOfANewerLapGate_ExitsTwoNamingDb()
    {
        using var db = new TestDatabase();
        db.Execute($"CREATE TABLE future (x INTEGER); PRAGMA user_version = {EmulatorSchema.Current + 1}");
        using var cli = LapgateCli.Start("emulate", "--port", "0", "--db", db.Path);

        var exit = await cli.WaitForExitAsync();

        output.WriteLine(cli.Output);
        Assert.Equal(2, exit);
        Assert.Contains($"error: database {db.Path} was written by a newer LapGate", cli.Output, StringComparison.Ordinal);
        Assert.Contains("run that newer lapgate, or start with another --db (the file is left as it is)", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulate_RefusedHostAndConnectionOverTheLimit_HintsNameTheFlags()
    {
        using var cli = LapgateCli.Start("emulate", "--port", "0", "--no-db", "--max-connections", "1");
        try
        {
            var listening = await cli.WaitForLineAsync("LapGate emulator listening on ");
            var ws = new Uri(listening.Split(' ').First(w => w.StartsWith("ws://", StringComparison.Ordinal)));
            var api = new Uri(listening.Split(' ').First(w => w.StartsWith("http://", StringComparison.Ordinal)));
            using var http = new HttpClient { Timeout = Wait.Limit };
            using var rebound = new HttpRequestMessage(HttpMethod.Get, api);
            rebound.Headers.Host = "rebind.example";

            using var refused = await http.SendAsync(rebound);
            await using var first = await TestClient.ConnectAsync(ws);
            await cli.WaitForLineAsync("c1 connected");
            await using var second = await TestClient.ConnectAsync(ws);
            var overLimit = await cli.WaitForLineAsync("c2 from 127.0.0.1");

            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("start the emulator with --allowed-host NAME", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("raise --max-connections if they are all wanted", overLimit, StringComparison.Ordinal);
            cli.Interrupt();
            Assert.Equal(0, await cli.WaitForExitAsync());
        }
        finally
        {
            output.WriteLine(cli.Output);
        }
    }
}
