using System.Device.Gpio;

namespace LapGate.Sensor.Tests.Support;

/// <summary>
/// A hand-written GPIO driver (System.Device.Gpio ships no simulator): records how pins are opened, and
/// <see cref="Fire"/> calls the registered edge callbacks from the test, as the real driver's thread would.
/// </summary>
public sealed class FakeGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, (PinEventTypes Edges, PinChangeEventHandler Handler)> _callbacks = [];

    /// <summary>The level <c>Read</c> returns per pin (high when not set: a pin with pull-up and nothing pulling it down).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<int, PinValue> Levels { get; } = new();

    /// <summary>Pins that refuse to open (OpenPin throws like a line held by another program).</summary>
    public HashSet<int> BusyPins { get; } = [];

    /// <summary>Pin modes the fake claims not to support.</summary>
    public HashSet<PinMode> UnsupportedModes { get; } = [];

    public bool Disposed { get; private set; }

    public IReadOnlyDictionary<int, PinMode> Modes
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<int, PinMode>(_modes);
            }
        }
    }

    public PinEventTypes WatchedEdges(int pin)
    {
        lock (_gate)
        {
            return _callbacks.TryGetValue(pin, out var c) ? c.Edges : PinEventTypes.None;
        }
    }

    /// <summary>Fires an edge on <paramref name="pin"/>; only delivered when the pin watches that edge.</summary>
    public void Fire(int pin, PinEventTypes edge)
    {
        (PinEventTypes Edges, PinChangeEventHandler Handler) callback;
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(pin, out callback))
            {
                return;
            }
        }
        if ((callback.Edges & edge) != 0)
        {
            callback.Handler(this, new PinValueChangedEventArgs(edge, pin));
        }
    }

    protected override int PinCount => 54;

    protected override void OpenPin(int pinNumber)
    {
        if (BusyPins.Contains(pinNumber))
        {
            throw new IOException($"Error 16 (Device or resource busy) requesting line {pinNumber}");
        }
        lock (_gate)
        {
            _modes[pinNumber] = PinMode.Input;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            _modes.Remove(pinNumber);
            _callbacks.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return _modes[pinNumber];
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => !UnsupportedModes.Contains(mode);

    protected override PinValue Read(int pinNumber) => Levels.TryGetValue(pinNumber, out var level) ? level : PinValue.High;

    protected override void Write(int pinNumber, PinValue value) => throw new InvalidOperationException("the gates are inputs");

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the sensor uses callbacks");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks[pinNumber] = (eventTypes, callback);
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks.Remove(pinNumber);
        }
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
