namespace LapGate.Sensor.Timing;

/// <summary>
/// The host's monotonic clock (<see cref="TimeProvider.GetTimestamp"/>) mapped once, at construction, onto
/// Unix-epoch time. Later wall-clock steps (NTP, a user changing the time) do not move any event time, so
/// lap times are differences of the monotonic clock.
/// </summary>
public sealed class HostClock
{
    private readonly TimeProvider _time;
    private readonly long _originTimestamp;
    private readonly long _originEpochMicros;

    public HostClock(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _originTimestamp = _time.GetTimestamp();
        _originEpochMicros = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
    }

    /// <summary>The time provider behind this clock.</summary>
    public TimeProvider TimeProvider => _time;

    /// <summary>Now, as a timestamp for <see cref="ToEpochMicros"/>.</summary>
    public long GetTimestamp() => _time.GetTimestamp();

    /// <summary>A <see cref="TimeProvider.GetTimestamp"/> value as Unix-epoch microseconds.</summary>
    public long ToEpochMicros(long timestamp)
    {
        var ticks = timestamp - _originTimestamp;
        var frequency = _time.TimestampFrequency;
        var micros = Math.BigMul(ticks, 1_000_000) / frequency;
        return _originEpochMicros + (long)micros;
    }

    /// <summary>A <see cref="TimeProvider.GetTimestamp"/> value as Unix-epoch milliseconds (floored).</summary>
    public long ToEpochMillis(long timestamp) => FloorDiv(ToEpochMicros(timestamp), 1000);

    internal static long FloorDiv(long value, long divisor)
    {
        var q = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? q - 1 : q;
    }
}
