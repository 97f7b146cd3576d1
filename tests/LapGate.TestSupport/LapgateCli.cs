using System.Diagnostics;
using System.Text;

namespace LapGate.TestSupport;

/// <summary>What a finished <c>lapgate</c> run left: its exit code and what it wrote.</summary>
public sealed record LapgateResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output, then standard error.</summary>
    public string AllOutput => Output + "\n" + Error;
}

/// <summary>
/// The one way tests run the real <c>lapgate</c> CLI: the <c>lapgate.dll</c> in its own build output
/// (<c>src/LapGate.Cli/bin/CONFIG/net10.0</c>, built in the configuration of the running tests), so it runs with exactly
/// the dependencies it ships with. Test projects reference the Cli project only to build it first
/// (<c>ReferenceOutputAssembly="false"</c>). <see cref="RunAsync(string[])"/> runs it to its end;
/// <see cref="Start"/> leaves it running for a test to talk to.
/// </summary>
public static class LapgateCli
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    /// <summary>Path of <c>lapgate.dll</c> built in the same configuration as the running tests.</summary>
    public static string DllPath { get; } = FindDll();

    /// <summary>A start info for <c>dotnet lapgate.dll ARGS</c> with stdin/stdout/stderr redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // A test run started by systemd (a CI service) must not switch lapgate into its systemd mode.
        start.Environment.Remove("INVOCATION_ID");
        start.Environment.Remove("NOTIFY_SOCKET");
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    /// <summary>Runs <c>lapgate ARGS</c> with nothing on its input to its end (killed after <see cref="Wait.Limit"/>).</summary>
    public static Task<LapgateResult> RunAsync(params string[] args) => RunWithInputAsync("", NoEnvironment, args);

    /// <summary>Runs <c>lapgate ARGS</c> with <paramref name="standardInput"/> on its input, then end of input.</summary>
    public static Task<LapgateResult> RunWithInputAsync(string standardInput, params string[] args) =>
        RunWithInputAsync(standardInput, NoEnvironment, args);

    /// <summary>
    /// Runs <c>lapgate ARGS</c> with <paramref name="standardInput"/> and extra environment variables (systemd's are
    /// removed unless given here) to its end; a <see cref="TimeoutException"/> with what it wrote after <see cref="Wait.Limit"/>.
    /// </summary>
    public static async Task<LapgateResult> RunWithInputAsync(string standardInput, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = StartInfo(args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start lapgate");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync().Within();
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lapgate {string.Join(' ', args)} did not exit within {Wait.Limit.TotalSeconds:0} s; output:\n{await output}\n{await error}");
        }
        return new LapgateResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>lapgate ARGS</c> and leaves it running: its lines can be awaited, its input written, signals sent.</summary>
    public static RunningLapgate Start(params string[] args) => RunningLapgate.Start(StartInfo(args));

    /// <summary>The <c>dotnet</c> host running the tests (falls back to the one on PATH).</summary>
    public static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    private static string FindDll()
    {
        var baseDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var framework = Path.GetFileName(baseDir);
        var configuration = Path.GetFileName(Path.GetDirectoryName(baseDir)!);
        var dll = Path.Combine(RepoPaths.RepoRoot, "src", "LapGate.Cli", "bin", configuration, framework, "lapgate.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"lapgate.dll not built at {dll}", dll);
    }
}
