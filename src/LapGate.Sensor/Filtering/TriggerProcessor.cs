using LapGate.Sensor.Config;
using LapGate.Sensor.Events;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Timing;

namespace LapGate.Sensor.Filtering;

/// <summary>
/// Turns triggers into events: finds the pin's gate, stamps the event time (device clock when the trigger
/// carries one, else the host's monotonic clock), applies debounce and minimum lap time. Thread-safe.
/// </summary>
public sealed class TriggerProcessor
{
    private readonly SensorConfig _config;
    private readonly HostClock _hostClock;
    private readonly DeviceClock _deviceClock;
    private readonly Debouncer _debouncer;
    private readonly MinLapFilter _minLap;
    private readonly Lock _gate = new();

    /// <summary>A processor; <paramref name="deviceClock"/> maps device times (null: a fresh in-memory one).</summary>
    public TriggerProcessor(SensorConfig config, HostClock hostClock, DeviceClock? deviceClock = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(hostClock);
        _config = config;
        _hostClock = hostClock;
        _deviceClock = deviceClock ?? new DeviceClock();
        _debouncer = new Debouncer(TimeSpan.FromMilliseconds(config.DebounceMs));
        _minLap = new MinLapFilter(TimeSpan.FromMilliseconds(config.MinLapMs));
    }

    /// <summary>Filters and stamps one trigger. Events carry Id 0 until the outbox numbers them.</summary>
    public ProcessResult Process(Trigger trigger)
    {
        lock (_gate)
        {
            var hostMicros = _hostClock.ToEpochMicros(trigger.HostTimestamp);
            long micros;
            long millis;
            if (trigger.DeviceTimeMicros is { } device)
            {
                if (!_deviceClock.TryToEpochMillis(device, hostMicros, out millis, out var outOfOrder))
                {
                    var gate = _config.FindPin(trigger.Pin);
                    return Reject(trigger, gate is { IsButton: false } ? gate.Lane : null, HostClock.FloorDiv(hostMicros, 1000),
                        RejectReason.OutOfOrder, outOfOrder!);
                }
                micros = millis * 1000;
            }
            else
            {
                micros = hostMicros;
                millis = HostClock.FloorDiv(hostMicros, 1000);
            }

            var entry = _config.FindPin(trigger.Pin);
            if (entry is null)
            {
                return Reject(trigger, null, millis, RejectReason.UnknownPin, $"pin {trigger.Pin} is not configured");
            }
            if (!_debouncer.Accept(trigger.Pin, micros))
            {
                return Reject(trigger, entry.IsButton ? null : entry.Lane, millis, RejectReason.Debounce,
                    $"pin {trigger.Pin} triggered again within the {_config.DebounceMs} ms debounce time");
            }
            var isLap = entry.Point is TrackPoint.FL or TrackPoint.FLPL;
            if (isLap)
            {
                var last = _minLap.LastLap(entry.Lane);
                if (!_minLap.Accept(entry.Lane, millis))
                {
                    return Reject(trigger, entry.Lane, millis, RejectReason.MinLapTime,
                        $"lane {entry.Lane} lap of {millis - last} ms is shorter than the minimum of {_config.MinLapMs} ms");
                }
            }
            IReadOnlyList<SensorEvent> events = entry.Point switch
            {
                TrackPoint.FL => [new SensorEvent(0, EventKind.Lap, entry.Lane, millis, entry.Pin)],
                TrackPoint.PE => [new SensorEvent(0, EventKind.PitEnter, entry.Lane, millis, entry.Pin)],
                TrackPoint.PL => [new SensorEvent(0, EventKind.PitLeave, entry.Lane, millis, entry.Pin)],
                TrackPoint.Start => [new SensorEvent(0, EventKind.RaceStart, 0, millis, entry.Pin)],
                TrackPoint.Stop => [new SensorEvent(0, EventKind.RaceStop, 0, millis, entry.Pin)],
                TrackPoint.FLPL =>
                [
                    new SensorEvent(0, EventKind.PitLeave, entry.Lane, millis, entry.Pin),
                    new SensorEvent(0, EventKind.Lap, entry.Lane, millis, entry.Pin),
                ],
                _ => throw new InvalidOperationException($"unknown track point {entry.Point}"),
            };
            return new ProcessResult(events, null);
        }
    }

    /// <summary>The app reset its event: the next lap of every lane is a first lap again.</summary>
    public void ResetLaps()
    {
        lock (_gate)
        {
            _minLap.Clear();
        }
    }

    private static ProcessResult Reject(Trigger trigger, int? lane, long millis, RejectReason reason, string detail) =>
        new([], new RejectedTrigger(trigger.Pin, lane, millis, reason, detail, trigger.Line));
}
