using System.Diagnostics;
using System.Text;

namespace LapGate.Sensor.Tests.Support;

/// <summary>
/// A real pseudo-terminal pair made by <c>socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>: the
/// sensor opens <see cref="DevicePath"/> as its serial port, the test writes the device's lines to the other end.
/// Ready when socat's stderr reported both "PTY is" lines (a signal, not a sleep). Disposing kills socat, which
/// closes both ends like an unplugged USB cable.
/// </summary>
public sealed class SocatPty : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _linked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly FileSystemWatcher _watcher;
    private readonly StringBuilder _stderr = new();
    private int _ptys;
    private FileStream? _writer;

    private SocatPty(string devicePath, string testEndPath)
    {
        DevicePath = devicePath;
        TestEndPath = testEndPath;
        // socat prints "PTY is" before it makes the symlinks: watch for them too (before socat starts).
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(Path.GetFullPath(devicePath))!);
        _watcher.Created += (_, _) => CheckLinks();
        _watcher.Renamed += (_, _) => CheckLinks();
        _watcher.EnableRaisingEvents = true;
        var start = new ProcessStartInfo("socat", ["-d", "-d", $"pty,raw,echo=0,link={devicePath}", $"pty,raw,echo=0,link={testEndPath}"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.ErrorDataReceived += (_, e) => OnStderr(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException("socat exited early: " + Stderr));
    }

    /// <summary>The end the sensor opens (like /dev/ttyACM0).</summary>
    public string DevicePath { get; }

    /// <summary>The end the test writes to (the microcontroller's side).</summary>
    public string TestEndPath { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts socat and waits (bounded) until both ptys exist.</summary>
    public static async Task<SocatPty> StartAsync(string devicePath, string testEndPath)
    {
        var pty = new SocatPty(devicePath, testEndPath);
        pty._process.Start();
        pty._process.BeginErrorReadLine();
        try
        {
            await pty._ready.Task.Within();
            pty.CheckLinks();
            await pty._linked.Task.Within();
        }
        catch
        {
            await pty.DisposeAsync();
            throw;
        }
        return pty;
    }

    /// <summary>Writes lines as the device would (each followed by \n).</summary>
    public async Task WriteLinesAsync(params string[] lines)
    {
        try
        {
            _writer ??= new FileStream(TestEndPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
        }
        catch (FileNotFoundException ex)
        {
            // Seen once in a full run: the link was there at the start and gone here. Say what socat was doing.
            throw new InvalidOperationException(
                $"the test end {TestEndPath} is gone (socat {(_process.HasExited ? $"exited with {_process.ExitCode}" : "still running")}); socat said:\n{Stderr}", ex);
        }
        var bytes = Encoding.ASCII.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        await _writer.WriteAsync(bytes);
        await _writer.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            try
            {
                await _writer.DisposeAsync();
            }
            catch (IOException)
            {
                // The pty is already gone.
            }
        }
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync().Within();
        _process.Dispose();
        _watcher.Dispose();
    }

    private void CheckLinks()
    {
        if (Path.Exists(DevicePath) && Path.Exists(TestEndPath))
        {
            _linked.TrySetResult();
        }
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_stderr)
        {
            _stderr.AppendLine(line);
        }
        // "2026/11/24 19:00:00 socat[123] N PTY is /dev/pts/5"
        if (line.Contains(" PTY is ", StringComparison.Ordinal) && Interlocked.Increment(ref _ptys) == 2)
        {
            _ready.TrySetResult();
        }
    }
}
