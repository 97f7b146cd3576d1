namespace LapGate.Sensor.Filtering;

/// <summary>
/// What the debounce and the minimum lap time share: per key (a pin, a lane) the time of the last accepted trigger,
/// and a trigger that comes too soon after it is turned down (and not remembered). Not thread-safe.
/// </summary>
public abstract class MinimumGapFilter
{
    private readonly Dictionary<int, long> _lastAccepted = [];

    /// <param name="gap">The minimum gap (zero or more).</param>
    /// <param name="unit">The unit of the times the filter is fed (a microsecond, a millisecond).</param>
    private protected MinimumGapFilter(TimeSpan gap, TimeSpan unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gap, TimeSpan.Zero);
        Gap = gap.Ticks / unit.Ticks;
    }

    /// <summary>The minimum gap, in the unit of the times.</summary>
    private protected long Gap { get; }

    /// <summary>True (and remembered) when the trigger at <paramref name="time"/> is not too soon after the key's last accepted one.</summary>
    public bool Accept(int key, long time)
    {
        if (_lastAccepted.TryGetValue(key, out var last) && TooSoon(time - last))
        {
            return false;
        }
        _lastAccepted[key] = time;
        return true;
    }

    /// <summary>Forgets every key.</summary>
    public void Clear() => _lastAccepted.Clear();

    /// <summary>The key's last accepted time, if any.</summary>
    private protected long? LastAccepted(int key) => _lastAccepted.TryGetValue(key, out var t) ? t : null;

    /// <summary>Whether a trigger <paramref name="sinceLast"/> after the last accepted one (negative when time went back) is too soon.</summary>
    private protected abstract bool TooSoon(long sinceLast);
}
