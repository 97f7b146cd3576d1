using System.IO.Ports;

namespace LapGate.Sensor.Inputs.Serial;

/// <summary>
/// Watches a microcontroller on a serial port for <c>lapgate setup</c>: the first trigger line
/// (<c>&lt;pin&gt; [&lt;device_time_us&gt;]</c>) read while <see cref="WaitForGateAsync"/> waits names the gate.
/// Lines read while nobody waits (the car leaving, a bounce) are dropped.
/// </summary>
public sealed class SerialGateWatcher : IGateWatcher
{
    private readonly SerialPort _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private readonly NextGate _next = new();

    /// <exception cref="InputOpenException">The port cannot be opened.</exception>
    public SerialGateWatcher(SerialInputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _port = new SerialPort(options.Path, options.BaudRate) { ReadTimeout = SerialPort.InfiniteTimeout };
        try
        {
            _port.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            _port.Dispose();
            var hint = ex is UnauthorizedAccessException ? " Add the user to the 'dialout' group: 'sudo usermod -aG dialout $USER', then log in again." : " Is the board plugged in?";
            throw new InputOpenException($"serial:{options.Path}: cannot open it: {ex.Message}.{hint}", ex);
        }
        _reading = ReadAsync(new BoundedLineReader(_port.BaseStream), _stop.Token);
    }

    public event EventHandler? Waiting;

    public IReadOnlyList<int> Pins => [];

    public Task<GateSeen> WaitForGateAsync(IReadOnlySet<int> ignore, CancellationToken ct) =>
        _next.WaitAsync(ignore, () => Waiting?.Invoke(this, EventArgs.Empty), ct);

    private async Task ReadAsync(BoundedLineReader lines, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            while (await lines.ReadLineAsync(ct).ConfigureAwait(false) is { } read)
            {
                if (read.TooLong)
                {
                    continue;
                }
                var parsed = LineParser.Parse(read.Text);
                if (parsed.Kind != LineKind.Trigger)
                {
                    continue;
                }
                _next.Offer(new GateSeen(parsed.Pin, null));
            }
            Fail(new InputOpenException("the serial board closed the port (unplugged?)"));
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Disposed.
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            Fail(new InputOpenException($"the serial board was lost: {ex.Message} (unplugged?)", ex));
        }
    }

    private void Fail(Exception problem) => _next.Fail(problem);

    public void Dispose()
    {
        _stop.Cancel();
        _port.Dispose();
        try
        {
            _reading.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The reader ended with the port.
        }
        _stop.Dispose();
    }
}
