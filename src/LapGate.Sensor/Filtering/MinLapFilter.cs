namespace LapGate.Sensor.Filtering;

/// <summary>
/// Per-lane minimum lap time: a finish-line pass sooner than <c>minimum</c> after the lane's last accepted lap
/// is a false trigger (a second car part, a hand, a double gate). Fed with lap times in ms; not thread-safe.
/// </summary>
public sealed class MinLapFilter
{
    private readonly long _minimumMillis;
    private readonly Dictionary<int, long> _lastLap = [];

    public MinLapFilter(TimeSpan minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, TimeSpan.Zero);
        _minimumMillis = (long)minimum.TotalMilliseconds;
    }

    /// <summary>The last accepted lap time of a lane, if any.</summary>
    public long? LastLap(int lane) => _lastLap.TryGetValue(lane, out var t) ? t : null;

    /// <summary>True (and remembered) when the lap is long enough or the lane's first.</summary>
    public bool Accept(int lane, long timestampMillis)
    {
        if (_lastLap.TryGetValue(lane, out var last) && timestampMillis - last < _minimumMillis)
        {
            return false;
        }
        _lastLap[lane] = timestampMillis;
        return true;
    }

    /// <summary>Forgets every lane (after the app reset its event).</summary>
    public void Clear() => _lastLap.Clear();
}
