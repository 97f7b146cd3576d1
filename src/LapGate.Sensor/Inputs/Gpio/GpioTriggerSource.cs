using System.Device.Gpio;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LapGate.Sensor.Config;

namespace LapGate.Sensor.Inputs.Gpio;

/// <summary>
/// Triggers from GPIO pins (<c>--input gpio[:CHIP]</c>). Every configured pin is an input with pull-up, and the
/// falling edge is a car (IR gates pull the line low); an entry with <c>"activeHigh": true</c> gets a pull-down
/// and the rising edge. The edge callback runs on the driver's thread: it takes the monotonic time first thing
/// and hands the trigger to a bounded channel with <see cref="ChannelWriter{T}.TryWrite"/>, never blocking.
/// Overflow policy: when the channel is full (the pipeline stalled for thousands of edges) the new edge is
/// dropped, counted in <see cref="Dropped"/> and logged; the edges already queued are kept.
/// </summary>
public sealed class GpioTriggerSource : ITriggerSource
{
    /// <summary>Edges buffered between the callback and the pipeline.</summary>
    public const int DefaultCapacity = 1024;

    private readonly SensorConfig _config;
    private readonly Func<GpioDriver> _createDriver;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private long _dropped;

    /// <param name="config">The pins to watch (every entry).</param>
    /// <param name="createDriver">Makes the driver, e.g. <see cref="GpioDriverSelector.Create"/>; a fake in tests.</param>
    /// <param name="name">Shown in logs, e.g. "gpio:0".</param>
    /// <param name="timeProvider">Stamps the edges.</param>
    /// <param name="logger">Where dropped edges are reported.</param>
    /// <param name="capacity">Edges buffered before the overflow policy applies.</param>
    public GpioTriggerSource(SensorConfig config, Func<GpioDriver> createDriver, string name = "gpio",
        TimeProvider? timeProvider = null, ILogger? logger = null, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(createDriver);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _config = config;
        _createDriver = createDriver;
        Name = name;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _capacity = capacity;
    }

    public string Name { get; }

    /// <summary>Edges dropped because the channel was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Raised once every pin is open and watched (the gates are live).</summary>
    public event EventHandler? Ready;

    public async IAsyncEnumerable<Trigger> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<Trigger>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var controller = Open(channel.Writer);
        Ready?.Invoke(this, EventArgs.Empty);
        await foreach (var trigger in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            yield return trigger;
        }
    }

    private GpioController Open(ChannelWriter<Trigger> writer)
    {
        var controller = new GpioController(GpioDriverSelector.Run(_createDriver, Name + ": "));
        try
        {
            foreach (var entry in _config.Sensors)
            {
                OpenPin(controller, entry, writer);
            }
            return controller;
        }
        catch
        {
            controller.Dispose();
            throw;
        }
    }

    private void OpenPin(GpioController controller, SensorEntry entry, ChannelWriter<Trigger> writer)
    {
        var pin = entry.Pin;
        var mode = entry.ActiveHigh ? PinMode.InputPullDown : PinMode.InputPullUp;
        var edge = entry.ActiveHigh ? PinEventTypes.Rising : PinEventTypes.Falling;
        try
        {
            if (!controller.IsPinModeSupported(pin, mode))
            {
                InputLog.NoBuiltInResistor(_logger, Name, pin, mode);
                mode = PinMode.Input;
            }
            controller.OpenPin(pin, mode);
            controller.RegisterCallbackForPinValueChangedEvent(pin, edge, (_, args) => OnEdge(args.PinNumber, writer));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new InputOpenException(
                $"{Name}: pin {pin} (lane {entry.Lane} {entry.Point.ToString().ToUpperInvariant()}) cannot be opened: {ex.Message}. "
                + "Check that it is a GPIO line of this chip (BCM numbering on a Pi, not the header's physical pin number), "
                + "and that no other program or overlay (1-Wire, I2C, SPI, UART) uses it.", ex);
        }
    }

    private void OnEdge(int pin, ChannelWriter<Trigger> writer)
    {
        var stamp = _time.GetTimestamp();
        if (!writer.TryWrite(new Trigger(pin, null, stamp, null)))
        {
            var dropped = Interlocked.Increment(ref _dropped);
            InputLog.EdgeDropped(_logger, Name, pin, _capacity, dropped);
        }
    }
}
