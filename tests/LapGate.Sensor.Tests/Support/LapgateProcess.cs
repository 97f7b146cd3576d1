using System.Diagnostics;

namespace LapGate.Sensor.Tests.Support;

/// <summary>Runs the <c>lapgate.dll</c> built in src/LapGate.Cli with redirected standard streams.</summary>
public static class LapgateProcess
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string AllOutput => StandardOutput + "\n" + StandardError;
    }

    public static Task<Result> RunAsync(string standardInput, TimeSpan timeout, params string[] args) =>
        RunAsync(standardInput, timeout, new Dictionary<string, string?>(), args);

    /// <summary>Runs lapgate with extra environment variables (systemd's are removed unless given here).</summary>
    public static async Task<Result> RunAsync(string standardInput, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = LapGate.TestSupport.LapgateCli.StartInfo(args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start lapgate");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(standardInput);
        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lapgate did not exit within {timeout}; output:\n{await stdout}\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
