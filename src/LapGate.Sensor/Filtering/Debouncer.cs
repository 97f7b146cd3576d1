namespace LapGate.Sensor.Filtering;

/// <summary>
/// Per-pin debounce: a trigger within <c>window</c> of the last accepted trigger on the same pin is a bounce
/// (a gate's output chattering as the car passes). Fed with event times in microseconds; not thread-safe.
/// </summary>
public sealed class Debouncer
{
    private readonly long _windowMicros;
    private readonly Dictionary<int, long> _lastAccepted = [];

    public Debouncer(TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        _windowMicros = (long)(window.Ticks / TimeSpan.TicksPerMicrosecond);
    }

    /// <summary>True (and remembered) when the trigger is not a bounce.</summary>
    public bool Accept(int pin, long timeMicros)
    {
        if (_lastAccepted.TryGetValue(pin, out var last) && timeMicros - last < _windowMicros && timeMicros >= last)
        {
            return false;
        }
        _lastAccepted[pin] = timeMicros;
        return true;
    }

    /// <summary>Forgets every pin.</summary>
    public void Clear() => _lastAccepted.Clear();
}
