using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit;

namespace LapGate.TestSupport;

/// <summary>
/// A <c>lapgate</c> started by <see cref="LapgateCli.Start"/> and still running: its output lines (stdout and stderr)
/// can be awaited, its input written and closed, and it can be sent SIGINT (Ctrl+C), SIGTERM (<c>systemctl stop</c>)
/// or SIGKILL (a crash or a pulled plug).
/// </summary>
public sealed partial class RunningLapgate : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private readonly Process _process;

    private RunningLapgate(Process process)
    {
        _process = process;
    }

    /// <summary>Every output line so far (stdout and stderr as they came), awaitable.</summary>
    public Signal<string> Lines { get; } = new();

    /// <summary>The output so far, one line a line.</summary>
    public string Output => string.Join('\n', Lines.Values);

    /// <summary>The process id (<c>dotnet lapgate.dll</c> runs lapgate in this process).</summary>
    public int Id => _process.Id;

    internal static RunningLapgate Start(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        var running = new RunningLapgate(process);
        process.OutputDataReceived += (_, e) => running.Add(e.Data);
        process.ErrorDataReceived += (_, e) => running.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>The first output line containing <paramref name="text"/> (written already or later).</summary>
    public Task<string> WaitForLineAsync(string text) => Lines.WaitAsync(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Writes a line to lapgate's input and flushes it.</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Ends lapgate's input.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>SIGINT, as Ctrl+C in a terminal sends it.</summary>
    public void Interrupt() => Assert.Equal(0, SendSignal(_process.Id, SigInt));

    /// <summary>SIGTERM, as <c>systemctl stop</c> and <c>kill</c> send it.</summary>
    public void Terminate() => Assert.Equal(0, SendSignal(_process.Id, SigTerm));

    /// <summary>SIGKILL: the process dies at once; nothing of it runs to clean up or flush.</summary>
    public void Kill() => _process.Kill();

    /// <summary>The exit code, once lapgate has exited (a <see cref="TimeoutException"/> after <see cref="Wait.Limit"/>).</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().Within();
        return _process.ExitCode;
    }

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
