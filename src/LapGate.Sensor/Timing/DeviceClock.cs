namespace LapGate.Sensor.Timing;

/// <summary>
/// Maps a device's own microsecond clock (a microcontroller's counter that wraps at 2^32) onto Unix-epoch
/// milliseconds. The mapping is made once, at the first device time seen, and then kept: an event's time is
/// the anchor plus the device-time interval, so the interval between two events is exactly the device's
/// interval (floored to whole device milliseconds), whatever USB or the OS added on the way.
/// Alongside, it keeps the standard minimum-delay estimate of where the device clock sits on the host clock: the
/// least (arrival - device time) seen, refined whenever a quicker line comes (a line can be late, never early).
/// With an <see cref="IDeviceClockStore"/> the mapping survives a restart of the sensor: it is saved when made
/// and at checkpoints, each checkpoint with the host time the estimate gives for its device time (not the arrival
/// of a line that may have waited), and reused at the next start when the device's counter evidently kept running
/// (see <see cref="ToleranceMicros"/>); otherwise the mapping is made afresh and the reason logged.
/// A device time that steps back without looking like a reset is that line's error: it is refused
/// (<see cref="TryToEpochMillis"/>) and changes nothing.
/// </summary>
public sealed class DeviceClock
{
    /// <summary>The wrap period of a 32-bit microsecond counter.</summary>
    public const long WrapMicros = 1L << 32;

    /// <summary>Device time between two checkpoints written to the store (at most one small write per 10 s).</summary>
    public const long CheckpointMicros = 10_000_000;

    /// <summary>The least tolerance when checking that the device kept running: USB/OS arrival jitter and clock steps.</summary>
    public const long MinToleranceMicros = 50_000;

    private readonly IDeviceClockStore? _store;
    private readonly ILogger _logger;
    private readonly string _source;
    private long _lastRaw;
    private long _extended;
    private long _offsetMillis;
    private long _checkpointExtended;
    private long _checkpointEstimate;
    private long _leastOffsetMicros;
    private bool _anchored;

    /// <summary>A clock whose mapping lives only as long as this object.</summary>
    public DeviceClock()
        : this(null, "device", null)
    {
    }

    /// <summary>A clock whose mapping is saved to and resumed from <paramref name="store"/>.</summary>
    /// <param name="store">Durable storage for this input's mapping; null keeps it in memory only.</param>
    /// <param name="source">The input's name, for log messages (e.g. <c>serial:/dev/ttyUSB0</c>).</param>
    /// <param name="logger">Where the resume decision is logged.</param>
    public DeviceClock(IDeviceClockStore? store, string source, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        _store = store;
        _source = source;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>True once the first device time fixed the mapping.</summary>
    public bool IsAnchored => _anchored;

    /// <summary>How many times the device clock went backwards (a reset, not a wrap) and the mapping was made again.</summary>
    public int Reanchors { get; private set; }

    /// <summary>How the mapping was made at the first device time of this run.</summary>
    public ClockResume Resume { get; private set; }

    /// <summary>
    /// The tolerance for "the device kept running" after <paramref name="elapsedMicros"/> of host time:
    /// max(50 ms, 0.1 % of the time away). 50 ms covers the arrival jitter of the two triggers compared and small
    /// host clock steps; 0.1 % (1000 ppm) covers a crystal (±50 ppm) and a typical ceramic resonator.
    /// </summary>
    public static long ToleranceMicros(long elapsedMicros) => Math.Max(MinToleranceMicros, elapsedMicros / 1000);

    /// <summary>
    /// The host's Unix-epoch µs at device time 0 (extended), by the least arrival delay seen so far: every line's
    /// arrival minus its device time is at least this. Null before the first device time.
    /// </summary>
    public long? LeastOffsetMicros => _anchored ? _leastOffsetMicros : null;

    /// <summary>
    /// Maps a raw device time to Unix-epoch ms, or throws when the line is refused as out of order (see
    /// <see cref="TryToEpochMillis"/>).
    /// </summary>
    public long ToEpochMillis(long rawDeviceMicros, long hostEpochMicros) =>
        TryToEpochMillis(rawDeviceMicros, hostEpochMicros, out var millis, out var problem)
            ? millis
            : throw new ArgumentException(problem, nameof(rawDeviceMicros));

    /// <summary>
    /// Maps a raw device time to Unix-epoch ms. <paramref name="hostEpochMicros"/> is the host time of arrival,
    /// used only to make the mapping (first call, or after a device reset), to refine the delay estimate and to
    /// check a saved mapping. False (with <paramref name="problem"/> in plain words) when the device time went back
    /// by less than a reset would: the counter cannot have restarted from zero after the previous line, so this
    /// line is out of order. It is refused and leaves the mapping as it was.
    /// </summary>
    public bool TryToEpochMillis(long rawDeviceMicros, long hostEpochMicros, out long epochMillis, out string? problem)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rawDeviceMicros);
        problem = null;
        if (!_anchored)
        {
            Start(rawDeviceMicros, hostEpochMicros);
            epochMillis = Map();
            return true;
        }
        var delta = rawDeviceMicros - _lastRaw;
        if (delta < -(WrapMicros / 2) && rawDeviceMicros < WrapMicros && _lastRaw < WrapMicros)
        {
            // A 32-bit counter wrapped (from near 2^32 to near 0). A small step back is not a wrap: it is a
            // reset of the device, or a line out of order.
            delta += WrapMicros;
        }
        if (delta < 0)
        {
            // After a reset the counter counts from zero, so it cannot exceed the host time since the previous
            // line's device time (by the estimate, plus the least tolerance for arrival jitter).
            var sinceLast = hostEpochMicros - (_leastOffsetMicros + _extended);
            if (rawDeviceMicros > sinceLast + MinToleranceMicros)
            {
                problem = $"device time {FormatSeconds(rawDeviceMicros)} s is earlier than the previous line's " +
                    $"{FormatSeconds(_lastRaw)} s, but too late for a restarted board ({FormatSeconds(Math.Max(0, sinceLast))} s " +
                    "since that line): the line is out of order and is ignored";
                epochMillis = _offsetMillis + HostClock.FloorDiv(_extended, 1000);
                return false;
            }
            Reanchors++;
            TimingLog.DeviceWentBack(_logger, _source, _lastRaw, rawDeviceMicros);
            Anchor(rawDeviceMicros, hostEpochMicros);
            epochMillis = Map();
            return true;
        }
        _lastRaw = rawDeviceMicros;
        _extended += delta;
        Refine(hostEpochMicros);
        if (_extended - _checkpointExtended >= CheckpointMicros || _checkpointEstimate - (_leastOffsetMicros + _checkpointExtended) >= RefineCheckpointMicros)
        {
            Checkpoint();
        }
        epochMillis = Map();
        return true;
    }

    /// <summary>A better delay estimate than the last checkpoint's by this much is saved at once.</summary>
    private const long RefineCheckpointMicros = 10_000;

    private static string FormatSeconds(long micros) => (micros / 1e6).ToString("0.0#####", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Takes this line's arrival into the least-delay estimate.</summary>
    private void Refine(long hostEpochMicros) => _leastOffsetMicros = Math.Min(_leastOffsetMicros, hostEpochMicros - _extended);

    private long Map() => _offsetMillis + HostClock.FloorDiv(_extended, 1000);

    private void Start(long raw, long hostEpochMicros)
    {
        var saved = _store?.Load();
        if (saved is null)
        {
            Resume = ClockResume.NoSavedMapping;
            Anchor(raw, hostEpochMicros);
            return;
        }
        var elapsed = hostEpochMicros - saved.HostEpochMicros;
        if (elapsed < 0)
        {
            Resume = ClockResume.HostClockWentBack;
            TimingLog.HostClockWentBack(_logger, _source, -elapsed / 1000);
            Anchor(raw, hostEpochMicros);
            return;
        }
        if (elapsed > WrapMicros)
        {
            Resume = ClockResume.TooLongAway;
            TimingLog.TooLongAway(_logger, _source, elapsed / 60_000_000);
            Anchor(raw, hostEpochMicros);
            return;
        }
        var expected = saved.LastRaw + elapsed;
        var off = raw - expected;
        if (raw < WrapMicros && saved.LastRaw < WrapMicros)
        {
            // Compare on the 32-bit circle: how far the device time is from where a running counter would be.
            off = ((off % WrapMicros) + WrapMicros) % WrapMicros;
            if (off >= WrapMicros / 2)
            {
                off -= WrapMicros;
            }
        }
        var delta = elapsed + off;
        if (Math.Abs(off) > ToleranceMicros(elapsed) || delta < 0)
        {
            Resume = ClockResume.DeviceReset;
            TimingLog.DeviceReset(_logger, _source, raw, off / 1000, elapsed / 1000, ToleranceMicros(elapsed) / 1000);
            Anchor(raw, hostEpochMicros);
            return;
        }
        Resume = ClockResume.Resumed;
        _offsetMillis = saved.OffsetMillis;
        _extended = saved.Extended + delta;
        _lastRaw = raw;
        _anchored = true;
        // The saved estimate carries on (the device did), refined by this run's lines.
        _leastOffsetMicros = Math.Min(saved.HostEpochMicros - saved.Extended, hostEpochMicros - _extended);
        TimingLog.Resumed(_logger, _source, off / 1000, elapsed / 1000);
        Checkpoint();
    }

    private void Anchor(long raw, long hostEpochMicros)
    {
        _lastRaw = raw;
        _extended = raw;
        _offsetMillis = HostClock.FloorDiv(hostEpochMicros, 1000) - HostClock.FloorDiv(raw, 1000);
        _leastOffsetMicros = hostEpochMicros - raw;
        _anchored = true;
        Checkpoint(newMapping: true);
    }

    /// <summary>Saves the mapping with the host time the delay estimate gives for the current device time.</summary>
    private void Checkpoint(bool newMapping = false)
    {
        _checkpointExtended = _extended;
        _checkpointEstimate = _leastOffsetMicros + _extended;
        _store?.Save(new DeviceClockState(_offsetMillis, _extended, _lastRaw, _checkpointEstimate), newMapping);
    }
}
