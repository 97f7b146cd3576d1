using System.Device.Gpio;

namespace LapGate.Sensor.Inputs.Gpio;

/// <summary>
/// Watches every free header pin through the GPIO driver for <c>lapgate setup</c>. Each pin is opened as an input
/// with pull-up (an unconnected pin then stays high and quiet) and its idle level is read: a pin idling high is an
/// active-low gate (IR gates pull the line low when a car passes), one held low by the sensor is active high. The
/// first edge away from a pin's idle level is the gate. Pins another program holds are skipped.
/// </summary>
public sealed class GpioGateWatcher : IGateWatcher
{
    /// <summary>The Raspberry Pi header's GPIOs (BCM 2..27).</summary>
    public static readonly IReadOnlyList<int> HeaderPins = Enumerable.Range(2, 26).ToArray();

    private readonly GpioController _controller;
    private readonly Dictionary<int, bool> _idleHigh = [];
    private readonly NextGate _next = new();

    /// <param name="createDriver">Makes the driver, e.g. <see cref="GpioDriverSelector.Create"/>; a fake in tests.</param>
    /// <param name="pins">The pins to watch (default <see cref="HeaderPins"/>).</param>
    /// <exception cref="InputOpenException">The chip cannot be opened, or no pin can.</exception>
    public GpioGateWatcher(Func<GpioDriver> createDriver, IEnumerable<int>? pins = null)
    {
        ArgumentNullException.ThrowIfNull(createDriver);
        _controller = new GpioController(GpioDriverSelector.Run(createDriver, ""));
        var skipped = new List<int>();
        foreach (var pin in pins ?? HeaderPins)
        {
            try
            {
                var mode = _controller.IsPinModeSupported(pin, PinMode.InputPullUp) ? PinMode.InputPullUp : PinMode.Input;
                _controller.OpenPin(pin, mode);
                var idleHigh = _controller.Read(pin) == PinValue.High;
                _idleHigh[pin] = idleHigh;
                var p = pin;
                _controller.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) => OnEdge(p, e.ChangeType));
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or ArgumentException or System.ComponentModel.Win32Exception)
            {
                skipped.Add(pin);
            }
        }
        Skipped = skipped;
        if (_idleHigh.Count == 0)
        {
            _controller.Dispose();
            throw new InputOpenException("no GPIO pin could be opened (another program holds them all?). " + GpioDriverSelector.ChipHint);
        }
    }

    public event EventHandler? Waiting;

    public IReadOnlyList<int> Pins => _idleHigh.Keys.Order().ToArray();

    /// <summary>Pins that could not be opened (in use by another program or an overlay).</summary>
    public IReadOnlyList<int> Skipped { get; }

    public Task<GateSeen> WaitForGateAsync(IReadOnlySet<int> ignore, CancellationToken ct) =>
        _next.WaitAsync(ignore, () => Waiting?.Invoke(this, EventArgs.Empty), ct);

    private void OnEdge(int pin, PinEventTypes edge)
    {
        var idleHigh = _idleHigh[pin];
        // Only the edge that leaves the idle level is a car arriving; the way back is the car leaving.
        if (edge != (idleHigh ? PinEventTypes.Falling : PinEventTypes.Rising))
        {
            return;
        }
        _next.Offer(new GateSeen(pin, !idleHigh));
    }

    public void Dispose() => _controller.Dispose();
}
