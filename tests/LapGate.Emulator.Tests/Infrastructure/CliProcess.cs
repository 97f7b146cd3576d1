using System.Collections.Concurrent;
using System.Diagnostics;

namespace LapGate.Emulator.Tests.Infrastructure;

/// <summary>Runs the built <c>lapgate</c> CLI (the lapgate.dll built in src/LapGate.Cli) and lets a test await its output lines.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _lock = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

    private CliProcess(Process process)
    {
        _process = process;
    }

    public string Output => string.Join('\n', _lines);

    public int Id => _process.Id;

    public static CliProcess Start(params string[] args)
    {
        var start = LapGate.TestSupport.LapgateCli.StartInfo(args);
        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Add(e.Data);
        process.ErrorDataReceived += (_, e) => cli.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>The first output line containing <paramref name="text"/> (now or later).</summary>
    public Task<string> WaitForLineAsync(string text)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            var existing = _lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (existing is not null)
            {
                done.SetResult(existing);
            }
            else
            {
                _waiters.Add((l => l.Contains(text, StringComparison.Ordinal), done));
            }
        }
        return done.Task.WaitAsync(TestTimeouts.Process);
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync().WaitAsync(TestTimeouts.Signal);
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash or a pulled plug (nothing of it runs to clean up).</summary>
    public void Kill() => _process.Kill();

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TestTimeouts.Process);
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
        if (line is null)
        {
            return;
        }
        lock (_lock)
        {
            _lines.Enqueue(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    _waiters[i].Done.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
