namespace LapGate.Bridge.Tests.Cli;

public class CliTests
{
    [Fact]
    public async Task Replay_MalformedCapture_Exit2NamingFileAndLine()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bad.jsonl");
        await File.WriteAllTextAsync(path, new CaptureBuilder().Open(1, 0).Sensor(1, 1, "x").ToJsonLines() + "garbage\n");

        var (code, _, error) = await LapgateCli.RunAsync("replay", path, "--to", "ws://127.0.0.1:9/", "--fast");

        Assert.Equal(2, code);
        Assert.Contains($"{path}:3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_CaptureAgainstStandIn_Exit0AndPrintsReplies()
    {
        using var temp = new TempDirectory();
        var path = temp.File("race.jsonl");
        await File.WriteAllTextAsync(path, new CaptureBuilder().Open(1, 0).Sensor(1, 1, """{"type":"api_version"}""").End(1, 2).ToJsonLines());
        await using var app = new StandInApp(StandInScript.AsCaptured);

        var (code, output, error) = await LapgateCli.RunAsync("replay", path, "--to", app.Url.ToString(), "--fast");

        Assert.True(code == 0, error);
        Assert.Contains("\"api_version\": 7", output, StringComparison.Ordinal);
        Assert.Contains("1 frames sent, 3 received", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_NegativeSpeed_Exit2SayingSo()
    {
        var (code, _, error) = await LapgateCli.RunAsync("replay", "x.jsonl", "--to", "ws://127.0.0.1:9/", "--speed", "-1");

        Assert.Equal(2, code);
        Assert.Contains("lapgate replay: --speed must be a positive number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bridge_CaptureFileExists_Exit2WithoutTouchingIt()
    {
        using var temp = new TempDirectory();
        var path = temp.File("old.jsonl");
        await File.WriteAllTextAsync(path, "keep\n");

        var (code, _, error) = await LapgateCli.RunAsync("bridge", "--listen", "127.0.0.1:0", "--upstream", "ws://127.0.0.1:9/", "--capture", path);

        Assert.Equal(2, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("keep\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Bridge_BadListenAddress_Exit2NamingIt()
    {
        var (code, _, error) = await LapgateCli.RunAsync("bridge", "--listen", "tablet:x", "--upstream", "ws://127.0.0.1:9/");

        Assert.Equal(2, code);
        Assert.Contains("lapgate bridge: --listen 'tablet:x'", error, StringComparison.Ordinal);
    }
}
