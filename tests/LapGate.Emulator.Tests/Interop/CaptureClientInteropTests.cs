using System.Diagnostics;

namespace LapGate.Emulator.Tests.Interop;

/// <summary>
/// The "done when": a client written outside this project (Python, Debian's python3-websockets)
/// follows the v7 capture step by step; the emulator's standings must then be exact.
/// </summary>
public sealed class CaptureClientInteropTests(ITestOutputHelper output)
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task PythonCaptureClient_ReplaysV7Capture_StandingsExactAndDuplicateIgnored()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "capture_client.py");
        Assert.True(File.Exists(Python), $"{Python} is missing: run ./test.sh, which installs python3-websockets");

        var (exitCode, stdout, stderr) = await RunAsync(Python, script, emulator.Server.WebSocketUri.ToString());
        output.WriteLine(stdout);
        output.WriteLine(stderr);

        Assert.True(exitCode == 0, $"capture_client.py exited {exitCode}: {stderr}");
        Assert.Contains("handshake ok: update_controller_data, update_server_info, api_version", stdout, StringComparison.Ordinal);
        await emulator.WaitForRaceAsync(r => r.DuplicatesIgnored == 1);
        var race = await emulator.GetRaceAsync();
        var one = race.Find(1)!;
        var two = race.Find(2)!;
        Assert.Equal(3, one.Laps);
        Assert.Equal(12811, one.LastLapMs);
        Assert.Equal(2764, one.BestLapMs);
        Assert.Equal(3, two.Laps);
        Assert.Equal(12888, two.LastLapMs);
        Assert.Equal(2724, two.BestLapMs);
        Assert.Equal(1, two.PitStops);
        Assert.False(two.InPit);
        Assert.Equal(0, one.PitStops);
        Assert.Equal(1, race.DuplicatesIgnored);
        Assert.Empty(race.Violations);
    }

    [Fact]
    public async Task PythonCaptureClient_NothingListening_ExitsOne()
    {
        // A port that was free a moment ago: start and stop an emulator to get one.
        Uri uri;
        await using (var emulator = await TestEmulator.StartAsync(output))
        {
            uri = emulator.Server.WebSocketUri;
        }
        var script = Path.Combine(AppContext.BaseDirectory, "Interop", "capture_client.py");

        var (exitCode, _, stderr) = await RunAsync(Python, script, uri.ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().Within();
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
