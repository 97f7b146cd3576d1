namespace LapGate.Sensor.Timing;

/// <summary>
/// Maps a device's own microsecond clock (a microcontroller's counter that wraps at 2^32) onto Unix-epoch
/// milliseconds. The mapping is made once, at the first device time seen, and then kept: an event's time is
/// the anchor plus the device-time interval, so the interval between two events is exactly the device's
/// interval (floored to whole device milliseconds), whatever USB or the OS added on the way.
/// </summary>
public sealed class DeviceClock
{
    /// <summary>The wrap period of a 32-bit microsecond counter.</summary>
    public const long WrapMicros = 1L << 32;

    private long _lastRaw;
    private long _extended;
    private long _offsetMillis;
    private bool _anchored;

    /// <summary>True once the first device time fixed the mapping.</summary>
    public bool IsAnchored => _anchored;

    /// <summary>How many times the device clock went backwards (a reset, not a wrap) and the mapping was made again.</summary>
    public int Reanchors { get; private set; }

    /// <summary>
    /// Maps a raw device time to Unix-epoch ms. <paramref name="hostEpochMicros"/> is the host time of arrival,
    /// used only to make the mapping (first call, or after the device clock went backwards).
    /// </summary>
    public long ToEpochMillis(long rawDeviceMicros, long hostEpochMicros)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rawDeviceMicros);
        if (!_anchored)
        {
            Anchor(rawDeviceMicros, hostEpochMicros);
            return _offsetMillis + HostClock.FloorDiv(_extended, 1000);
        }
        var delta = rawDeviceMicros - _lastRaw;
        if (delta < -(WrapMicros / 2) && rawDeviceMicros < WrapMicros && _lastRaw < WrapMicros)
        {
            // A 32-bit counter wrapped (from near 2^32 to near 0). A small step back is not a wrap: it is a
            // reset of the device, and the mapping is made again below.
            delta += WrapMicros;
        }
        if (delta < 0)
        {
            Reanchors++;
            Anchor(rawDeviceMicros, hostEpochMicros);
            return _offsetMillis + HostClock.FloorDiv(_extended, 1000);
        }
        _lastRaw = rawDeviceMicros;
        _extended += delta;
        return _offsetMillis + HostClock.FloorDiv(_extended, 1000);
    }

    private void Anchor(long raw, long hostEpochMicros)
    {
        _lastRaw = raw;
        _extended = raw;
        _offsetMillis = HostClock.FloorDiv(hostEpochMicros, 1000) - HostClock.FloorDiv(raw, 1000);
        _anchored = true;
    }
}
