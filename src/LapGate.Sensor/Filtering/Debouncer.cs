namespace LapGate.Sensor.Filtering;

/// <summary>
/// Per-pin debounce: a trigger within <c>window</c> of the last accepted trigger on the same pin is a bounce
/// (a gate's output chattering as the car passes). Fed with pins and event times in microseconds; a time before
/// the last accepted one (the device clock was mapped afresh) is not a bounce. Not thread-safe.
/// </summary>
public sealed class Debouncer(TimeSpan window) : MinimumGapFilter(window, TimeSpan.FromMicroseconds(1))
{
    private protected override bool TooSoon(long sinceLast) => sinceLast >= 0 && sinceLast < Gap;
}
