using System.IO.Ports;
using System.Runtime.CompilerServices;
using LapGate.Protocol.Validation;

namespace LapGate.Sensor.Inputs.Serial;

/// <summary>
/// Triggers from a microcontroller on a serial port (<c>--input serial:PATH[@BAUD]</c>) printing the line
/// protocol <c>&lt;pin&gt; &lt;device_time_us&gt;</c> (see docs/line-protocol.md). The device's own clock times the
/// laps (the pipeline's <see cref="Timing.DeviceClock"/> handles wrap and reset). When the port vanishes (USB
/// unplugged) the source keeps running: it logs, waits with a doubling delay on the <see cref="TimeProvider"/>
/// and reopens the same path, then resumes. Nothing already read is lost: triggers are handed on as they are
/// read; a line cut by the unplug is dropped with a warning (the device never finished sending it). The board's
/// comment lines are logged by <see cref="BoardComments"/> (its banner at information).
/// </summary>
public sealed class SerialTriggerSource : ITriggerSource
{
    private readonly SerialInputOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BoardComments _comments;
    private int _opens;

    public SerialTriggerSource(SerialInputOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        SerialInputOptionsValidator.Instance.ThrowIfInvalid(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        Name = $"serial:{options.Path}";
        _comments = new BoardComments(Name, _logger);
    }

    public string Name { get; }

    /// <summary>Raised each time the port is opened (first time and after every replug); the argument counts opens.</summary>
    public event EventHandler<int>? Opened;

    /// <summary>Raised when the open port is lost (unplugged, device gone).</summary>
    public event EventHandler<string>? Lost;

    /// <summary>Raised for every line that is reported and skipped.</summary>
    public event EventHandler<InputProblem>? Problem;

    public async IAsyncEnumerable<Trigger> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var lineNumber = 0;
        var delay = _options.FirstRetryDelay;
        var first = true;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var port = TryOpen(first);
            first = false;
            if (port is null)
            {
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                continue;
            }
            delay = _options.FirstRetryDelay;
            var lines = new BoundedLineReader(port.BaseStream);
            using (port)
            using (ct.Register(static p => ((SerialPort)p!).Dispose(), port))
            {
                while (true)
                {
                    var read = await ReadLineAsync(lines, ct).ConfigureAwait(false);
                    if (read is not { } line)
                    {
                        break;
                    }
                    var stamp = _time.GetTimestamp();
                    lineNumber++;
                    if (line.TooLong)
                    {
                        Report(lineNumber, line.Text, $"line longer than {BoundedLineReader.MaxLineLength} characters ({line.Length})", line.Length);
                    }
                    else if (ToTrigger(line.Text, lineNumber, stamp) is { } trigger)
                    {
                        yield return trigger;
                    }
                }
            }
            ct.ThrowIfCancellationRequested();
            if (lines.Partial is { Length: > 0 } cut)
            {
                Report(lineNumber + 1, cut, "line cut off when the port was lost");
            }
            InputLog.PortLost(_logger, Name);
            Lost?.Invoke(this, Name);
        }
    }

    private SerialPort? TryOpen(bool first)
    {
        if (!File.Exists(_options.Path) && !Path.Exists(_options.Path))
        {
            if (first)
            {
                InputLog.PortMissing(_logger, Name, _options.Path);
            }
            return null;
        }
        var port = new SerialPort(_options.Path, _options.BaudRate) { ReadTimeout = SerialPort.InfiniteTimeout };
        try
        {
            port.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            port.Dispose();
            var hint = ex is UnauthorizedAccessException ? " (add the user to the 'dialout' group: 'sudo usermod -aG dialout $USER')" : "";
            InputLog.PortNotOpened(_logger, Name, _options.Path, ex.Message, hint);
            return null;
        }
        RaiseDtr(port);
        var opens = Interlocked.Increment(ref _opens);
        InputLog.PortOpen(_logger, Name, _options.BaudRate);
        Opened?.Invoke(this, opens);
        return port;
    }

    /// <summary>
    /// A USB CDC board on TinyUSB (a Raspberry Pi Pico with MicroPython) sends nothing until the host raises DTR, and
    /// SerialPort leaves it low unless told; raising it is what a terminal does on open. A pseudo-terminal has no modem
    /// lines and may refuse: that changes nothing there.
    /// </summary>
    private static void RaiseDtr(SerialPort port)
    {
        try
        {
            port.DtrEnable = true;
        }
        catch (IOException)
        {
        }
    }

    private static async Task<LineRead?> ReadLineAsync(BoundedLineReader lines, CancellationToken ct)
    {
        try
        {
            return await lines.ReadLineAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException)
        {
            ct.ThrowIfCancellationRequested();
            return null;
        }
    }

    private Trigger? ToTrigger(string line, int lineNumber, long stamp)
    {
        var parsed = LineParser.Parse(line);
        switch (parsed.Kind)
        {
            case LineKind.Trigger when parsed.DeviceTimeMicros is null:
                Report(lineNumber, line, "no device time: a serial device must send '<pin> <device_time_us>'");
                return null;
            case LineKind.Trigger:
                return new Trigger(parsed.Pin, parsed.DeviceTimeMicros, stamp, lineNumber);
            case LineKind.Invalid:
                Report(lineNumber, line, parsed.Error!);
                return null;
            case LineKind.Ignored when parsed.Comment is { } comment:
                _comments.Log(lineNumber, comment);
                return null;
            default:
                return null;
        }
    }

    private void Report(int lineNumber, string text, string reason, long? length = null)
    {
        var problem = new InputProblem(Name, lineNumber, LinePreview.Of(text, length), reason);
        InputLog.Problem(_logger, problem.ToString());
        Problem?.Invoke(this, problem);
    }
}
