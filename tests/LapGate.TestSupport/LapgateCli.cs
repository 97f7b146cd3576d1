using System.Diagnostics;
using System.Text;

namespace LapGate.TestSupport;

/// <summary>
/// Runs the real <c>lapgate</c> CLI from its own build output (<c>src/LapGate.Cli/bin/CONFIG/net10.0</c>), so it
/// runs with exactly the dependencies it ships with. Test projects reference the Cli project only to build it first.
/// </summary>
public static class LapgateCli
{
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

    /// <summary>Runs <c>lapgate ARGS</c> to completion (killed after <paramref name="timeout"/>).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lapgate {string.Join(' ', args)} did not exit within {timeout}: {await output}{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

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
