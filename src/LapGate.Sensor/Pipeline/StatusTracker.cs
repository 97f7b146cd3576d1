using LapGate.Protocol.Messages;
using LapGate.Sensor.Link;

namespace LapGate.Sensor.Pipeline;

/// <summary>Keeps the numbers behind <see cref="SensorStatus"/>; fed from the input and link tasks. Thread-safe.</summary>
internal sealed class StatusTracker
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, LaneState> _lanes = [];
    private SensorStatus _status = new();
    private long _highestSentId;

    public StatusTracker(IEnumerable<int> lanes)
    {
        foreach (var lane in lanes)
        {
            _lanes[lane] = new LaneState();
        }
    }

    public event EventHandler? Changed;

    public SensorStatus Snapshot()
    {
        lock (_gate)
        {
            return _status with
            {
                Lanes = _lanes.Select(p => new LaneStatus(p.Key, p.Value.Driver, p.Value.LapsSent, p.Value.LastLap, p.Value.BestLap, p.Value.Rejected, p.Value.InPit)).ToArray(),
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

    public void Accepted(IReadOnlyList<SensorEvent> events)
    {
        Change(() =>
        {
            foreach (var e in events)
            {
                if (e.Kind is EventKind.RaceStart or EventKind.RaceStop)
                {
                    continue;
                }
                var lane = Lane(e.Lane);
                switch (e.Kind)
                {
                    case EventKind.Lap:
                        if (lane.LastLapTimestamp is { } previous)
                        {
                            var time = TimeSpan.FromMilliseconds(e.TimestampMs - previous);
                            lane.LastLap = time;
                            lane.BestLap = lane.BestLap is { } best && best <= time ? best : time;
                        }
                        lane.LastLapTimestamp = e.TimestampMs;
                        break;
                    case EventKind.PitEnter:
                        lane.InPit = true;
                        break;
                    case EventKind.PitLeave:
                        lane.InPit = false;
                        break;
                    default:
                        break;
                }
            }
        });
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
                    Lane(e.Lane).LapsSent++;
                }
            }
        });
    }

    public void Rejected(int? lane)
    {
        Change(() =>
        {
            if (lane is { } l)
            {
                Lane(l).Rejected++;
            }
            else
            {
                _status = _status with { OtherRejected = _status.OtherRejected + 1 };
            }
        });
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
                        var driver = data.Find(lane.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Driver;
                        state.Driver = driver is null or "Non assegnato" ? null : driver;
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
                        state.LapsSent = 0;
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

        public int LapsSent { get; set; }

        public TimeSpan? LastLap { get; set; }

        public TimeSpan? BestLap { get; set; }

        public long? LastLapTimestamp { get; set; }

        public int Rejected { get; set; }

        public bool InPit { get; set; }
    }
}
