namespace LapGate.Bridge.Tests.Support;

/// <summary>Runs the real <c>lapgate</c> CLI and collects its exit code and output.</summary>
public static class LapgateProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        LapgateCli.RunAsync(TimeSpan.FromSeconds(30), args);
}
