using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LapGate.Sensor.Tests.Support;

/// <summary>
/// firmware/pico/main.py run by the real MicroPython interpreter (the WebAssembly port, under Node) with a fake
/// <c>machine</c> and <c>time</c> (tests/LapGate.Sensor.Tests/Firmware/PicoHarness). Build a script of edges and
/// main-loop turns at chosen microseconds, then <see cref="RunAsync"/> returns what the board printed.
/// Times are microseconds since the board's counter started, never wrapped; the fake ticks_us() wraps them at 2^30.
/// </summary>
public sealed class PicoBoard
{
    private static readonly string HarnessDir = Path.Combine(RepoPaths.RepoRoot, "tests", "LapGate.Sensor.Tests", "Firmware", "PicoHarness");
    private readonly JsonArray _commands = [];

    public PicoBoard(long startUs, string? configPy = null)
    {
        StartUs = startUs;
        ConfigPy = configPy;
    }

    public long StartUs { get; }

    public string? ConfigPy { get; }

    /// <summary>A car breaks gate <paramref name="gpio"/> at <paramref name="us"/>: the pin's interrupt runs (heap locked).</summary>
    public PicoBoard Edge(long us, int gpio)
    {
        _commands.Add(new JsonArray("edge", us, gpio));
        return this;
    }

    /// <summary>One turn of the main loop at <paramref name="us"/>.</summary>
    public PicoBoard Step(long us)
    {
        _commands.Add(new JsonArray("step", us));
        return this;
    }

    /// <summary>The main loop turns every <paramref name="everyUs"/> until <paramref name="untilUs"/>.</summary>
    public PicoBoard Idle(long untilUs, long everyUs)
    {
        _commands.Add(new JsonArray("idle", untilUs, everyUs));
        return this;
    }

    /// <summary>An edge, then a turn of the main loop 1 ms later (a board printing each edge right away).</summary>
    public PicoBoard Pass(long us, int gpio) => Edge(us, gpio).Step(us + 1000);

    public sealed record Run(int ExitCode, IReadOnlyList<string> Lines, IReadOnlyList<string> Diagnostics)
    {
        /// <summary>The trigger lines (<c>&lt;pin&gt; &lt;device_us&gt;</c>), without comments.</summary>
        public IReadOnlyList<string> Triggers => Lines.Where(l => !l.StartsWith('#')).ToArray();

        public override string ToString() => $"exit {ExitCode}\nstdout:\n{string.Join('\n', Lines)}\nstderr:\n{string.Join('\n', Diagnostics)}";
    }

    /// <summary>Runs the script on the firmware; <see cref="Run.Diagnostics"/> holds the pins' set-up ("irq GP21 falling pull-up hard").</summary>
    public async Task<Run> RunAsync()
    {
        var package = Path.Combine(HarnessDir, "node_modules", "@micropython", "micropython-webassembly-pyscript", "micropython.mjs");
        if (!File.Exists(package))
        {
            throw new InvalidOperationException($"the MicroPython WebAssembly port is not installed in {HarnessDir}: run scripts/install-test-deps.sh");
        }
        using var dir = new TempDirectory();
        var scenario = new JsonObject { ["start"] = StartUs, ["commands"] = _commands.DeepClone() };
        if (ConfigPy is not null)
        {
            scenario["config"] = ConfigPy;
        }
        var scenarioPath = dir.File("scenario.json");
        await File.WriteAllTextAsync(scenarioPath, scenario.ToJsonString());
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = HarnessDir,
        };
        start.ArgumentList.Add(Path.Combine(HarnessDir, "harness.mjs"));
        start.ArgumentList.Add(Path.Combine(RepoPaths.RepoRoot, "firmware", "pico"));
        start.ArgumentList.Add(scenarioPath);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the MicroPython harness did not finish within 120 s: {await stderr}");
        }
        return new Run(process.ExitCode, SplitLines(await stdout), SplitLines(await stderr));
    }

    private static string[] SplitLines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
