using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LapGate.Sensor.Tests.Support;

/// <summary>A running <c>lapgate</c> whose output lines can be awaited and which can be sent SIGINT (Ctrl+C).</summary>
public sealed partial class RunningLapgate : IDisposable
{
    private readonly Process _process;

    private RunningLapgate(Process process)
    {
        _process = process;
    }

    public Signal<string> Lines { get; } = new();

    public static RunningLapgate Start(params string[] args)
    {
        var start = LapGate.TestSupport.LapgateCli.StartInfo(args);
        var process = new Process { StartInfo = start };
        var running = new RunningLapgate(process);
        process.OutputDataReceived += (_, e) => running.Add(e.Data);
        process.ErrorDataReceived += (_, e) => running.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    public Task WriteLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    public void Interrupt()
    {
        Assert.Equal(0, SendSignal(_process.Id, 2));
    }

    /// <summary>SIGTERM, as <c>systemctl stop</c> and <c>kill</c> send it.</summary>
    public void Terminate()
    {
        Assert.Equal(0, SendSignal(_process.Id, 15));
    }

    public async Task<int> WaitForExitAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public string Output => string.Join('\n', Lines.Values);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            Lines.Raise(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
