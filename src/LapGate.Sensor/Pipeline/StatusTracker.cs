using LapGate.Protocol.Messages;
using LapGate.Sensor.Config;
using LapGate.Sensor.Events;
using LapGate.Sensor.Link;

namespace LapGate.Sensor.Pipeline;

/// <summary>Keeps the numbers behind <see cref="SensorStatus"/>; fed from the input and link tasks. Thread-safe.</summary>
internal sealed class StatusTracker
{
    /// <summary>Rejections kept per lane (and for pins without a lane), newest first.</summary>
    public const int RecentRejections = 5;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly SortedDictionary<int, LaneState> _lanes = [];
    private readonly SortedDictionary<int, GateStatus> _gates = [];
    private readonly LinkedList<RejectionStatus> _otherRejections = new();
    private SensorStatus _status = new();
    private long _highestSentId;
    private long _highestAcceptedId;
    private DateOnly _deliveredDay;

    public StatusTracker(IEnumerable<int> lanes, IEnumerable<SensorEntry>? gates = null, TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        foreach (var lane in lanes)
        {
            _lanes[lane] = new LaneState();
        }
        foreach (var entry in gates ?? [])
        {
            _gates[entry.Pin] = new GateStatus { Pin = entry.Pin, Lane = entry.Lane, Point = entry.Point.ToString().ToUpperInvariant() };
        }
        _deliveredDay = Today();
        _status = _status with { ConnectionSince = _time.GetUtcNow() };
    }

    public event EventHandler? Changed;

    /// <summary>The highest event id accepted in this run (0 before any).</summary>
    public long HighestAcceptedId
    {
        get
        {
            lock (_gate)
            {
                return _highestAcceptedId;
            }
        }
    }

    public SensorStatus Snapshot()
    {
        lock (_gate)
        {
            RollDay();
            return _status with
            {
                Now = _time.GetUtcNow(),
                Lanes = _lanes.Select(p => p.Value.ToStatus(p.Key)).ToArray(),
                Gates = _gates.Values.ToArray(),
                RecentOtherRejections = _otherRejections.ToArray(),
            };
        }
    }

    public void Update(Func<SensorStatus, SensorStatus> change)
    {
        lock (_gate)
        {
            _status = change(_status);
        }
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Records accepted events; returns what each means for its lane (lap number and time, first crossing).</summary>
    public IReadOnlyList<LaneCrossing> Accepted(IReadOnlyList<SensorEvent> events)
    {
        var crossings = new List<LaneCrossing>(events.Count);
        Change(() =>
        {
            var lastPin = -1;
            var lastStamp = long.MinValue;
            foreach (var e in events)
            {
                _highestAcceptedId = Math.Max(_highestAcceptedId, e.Id);
                // An FLPL gate makes two events of one trigger: the strip counts the trigger once.
                if (e.Pin != lastPin || e.TimestampMs != lastStamp)
                {
                    Fired(e.Pin, e.TimestampMs, null);
                    lastPin = e.Pin;
                    lastStamp = e.TimestampMs;
                }
                if (e.Kind is EventKind.RaceStart or EventKind.RaceStop)
                {
                    crossings.Add(new LaneCrossing(e, null, null));
                    continue;
                }
                var lane = Lane(e.Lane);
                switch (e.Kind)
                {
                    case EventKind.Lap:
                        TimeSpan? time = null;
                        int? number = null;
                        if (lane.LastLapTimestamp is { } previous)
                        {
                            time = TimeSpan.FromMilliseconds(e.TimestampMs - previous);
                            lane.LastLap = time;
                            lane.BestLap = lane.BestLap is { } best && best <= time ? best : time;
                            number = ++lane.LapsAccepted;
                        }
                        lane.LastLapTimestamp = e.TimestampMs;
                        crossings.Add(new LaneCrossing(e, number, time));
                        break;
                    case EventKind.PitEnter:
                        lane.InPit = true;
                        crossings.Add(new LaneCrossing(e, null, null));
                        break;
                    case EventKind.PitLeave:
                        crossings.Add(new LaneCrossing(e, null, null, lane.InPit));
                        lane.InPit = false;
                        break;
                    default:
                        break;
                }
            }
        });
        return crossings;
    }

    public void Sent(IReadOnlyList<SensorEvent> events)
    {
        Change(() =>
        {
            foreach (var e in events)
            {
                if (e.Id <= _highestSentId)
                {
                    continue;
                }
                _highestSentId = e.Id;
                if (e.Kind == EventKind.Lap)
                {
                    Lane(e.Lane).CrossingsSent++;
                }
            }
        });
    }

    /// <summary>Records a rejected trigger: counted on its lane (or as other), and on the gate strip with its reason.</summary>
    public void Rejected(RejectedTrigger trigger)
    {
        Change(() =>
        {
            var rejection = new RejectionStatus(trigger.Pin, DateTimeOffset.FromUnixTimeMilliseconds(trigger.TimestampMs), trigger.Reason, trigger.Detail);
            Fired(trigger.Pin, trigger.TimestampMs, rejection.Words);
            if (trigger.Lane is { } l)
            {
                var state = Lane(l);
                state.Rejected++;
                Push(state.Rejections, rejection);
            }
            else
            {
                _status = _status with { OtherRejected = _status.OtherRejected + 1 };
                Push(_otherRejections, rejection);
            }
        });
    }

    /// <summary>The link changed state: the page shows how long it has been in it.</summary>
    public void LinkChanged() => Update(s => s with { ConnectionSince = _time.GetUtcNow() });

    /// <summary>Events were confirmed delivered (or, at start, were delivered earlier today by a previous run).</summary>
    public void Delivered(int count) => Change(() =>
    {
        RollDay();
        _status = _status with { DeliveredToday = _status.DeliveredToday + count };
    });

    /// <summary>The start of today (local time) on this tracker's clock.</summary>
    public DateTimeOffset StartOfToday()
    {
        var now = _time.GetLocalNow();
        return new DateTimeOffset(now.Date, now.Offset);
    }

    public void FromApp(Message message)
    {
        switch (message)
        {
            case UpdateControllerData data:
                Change(() =>
                {
                    foreach (var (lane, state) in _lanes)
                    {
                        var info = data.Find(lane.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        var driver = info?.Driver;
                        state.Driver = driver is null or "Non assegnato" ? null : driver;
                        state.Car = state.Driver is null ? null : info?.Car;
                        state.Color = info?.Color;
                        state.BackgroundColor = info?.BackgroundColor;
                    }
                });
                break;
            case UpdateEventStatus status:
                Update(s => s with { RaceStatus = status.Status });
                break;
            case Reset:
                Change(() =>
                {
                    foreach (var state in _lanes.Values)
                    {
                        state.CrossingsSent = 0;
                        state.LapsAccepted = 0;
                        state.LastLap = null;
                        state.BestLap = null;
                        state.LastLapTimestamp = null;
                        state.InPit = false;
                    }
                });
                break;
            default:
                break;
        }
    }

    public void Dropped(ReconnectCause cause) =>
        Update(s => s with { Reconnects = s.Reconnects + 1, LastReconnectCause = cause });

    private void Change(Action change)
    {
        lock (_gate)
        {
            change();
        }
        Changed?.Invoke(this, EventArgs.Empty);
    }

    private void Fired(int pin, long timestampMs, string? rejection)
    {
        var gate = _gates.TryGetValue(pin, out var known) ? known : new GateStatus { Pin = pin };
        var time = DateTimeOffset.FromUnixTimeMilliseconds(timestampMs);
        // A batch records its rejections before its accepted events: the latest trigger wins, not the latest call.
        _gates[pin] = gate.LastTrigger is { } last && last > time
            ? gate with { Fired = gate.Fired + 1 }
            : gate with { Fired = gate.Fired + 1, LastTrigger = time, LastRejection = rejection };
    }

    private static void Push(LinkedList<RejectionStatus> list, RejectionStatus rejection)
    {
        list.AddFirst(rejection);
        while (list.Count > RecentRejections)
        {
            list.RemoveLast();
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetLocalNow().DateTime);

    private void RollDay()
    {
        var today = Today();
        if (today != _deliveredDay)
        {
            _deliveredDay = today;
            _status = _status with { DeliveredToday = 0 };
        }
    }

    private LaneState Lane(int lane)
    {
        if (!_lanes.TryGetValue(lane, out var state))
        {
            state = new LaneState();
            _lanes[lane] = state;
        }
        return state;
    }

    private sealed class LaneState
    {
        public string? Driver { get; set; }

        public string? Car { get; set; }

        public string? Color { get; set; }

        public string? BackgroundColor { get; set; }

        public int CrossingsSent { get; set; }

        public int LapsAccepted { get; set; }

        public TimeSpan? LastLap { get; set; }

        public TimeSpan? BestLap { get; set; }

        public long? LastLapTimestamp { get; set; }

        public int Rejected { get; set; }

        public LinkedList<RejectionStatus> Rejections { get; } = new();

        public bool InPit { get; set; }

        public LaneStatus ToStatus(int lane) => new()
        {
            Lane = lane,
            Driver = Driver,
            Car = Car,
            Color = Color,
            BackgroundColor = BackgroundColor,
            CrossingsSent = CrossingsSent,
            LastLap = LastLap,
            BestLap = BestLap,
            Rejected = Rejected,
            RecentRejections = Rejections.ToArray(),
            InPit = InPit,
        };
    }
}
