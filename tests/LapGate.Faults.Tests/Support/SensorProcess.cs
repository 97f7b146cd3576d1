using System.Diagnostics;
using System.Text;

namespace LapGate.Faults.Tests.Support;

/// <summary>The built <c>lapgate sensor</c> (the lapgate.dll built in src/LapGate.Cli) with its stdin as the trigger input.</summary>
public sealed class SensorProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SensorProcess(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SensorProcess Start(params string[] args)
    {
        var start = LapGate.TestSupport.LapgateCli.StartInfo(["sensor", .. args]);
        var process = new Process { StartInfo = start };
        var running = new SensorProcess(process);
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>The process id (<c>dotnet lapgate.dll</c> runs the sensor in this process).</summary>
    public int Id => _process.Id;

    public event EventHandler? OutputReceived;

    /// <summary>Waits until the output (stdout and stderr) contains <paramref name="text"/>.</summary>
    public Task WaitForOutputAsync(string text) =>
        Await.UntilAsync(() => Output.Contains(text, StringComparison.Ordinal), h => OutputReceived += h, h => OutputReceived -= h, $"'{text}' in the sensor's output");

    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>SIGKILL: no handler runs, nothing is flushed.</summary>
    public void Kill() => _process.Kill();

    public async Task<int> WaitForExitAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(limit.Token);
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

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
            OutputReceived?.Invoke(this, EventArgs.Empty);
        }
    }
}
