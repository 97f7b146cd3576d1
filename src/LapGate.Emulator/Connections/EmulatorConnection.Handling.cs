using LapGate.Emulator.Logging;
using LapGate.Emulator.Race;
using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Connections;

// Handling of each frame a peer sends.
internal sealed partial class EmulatorConnection
{
    /// <summary>Handles one parsed frame; returns true when a fault switch closes the connection now.</summary>
    private async ValueTask<bool> HandleAsync(Message message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case ApiVersionRequest:
                _handshakeTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                await HandshakeAsync(cancellationToken).ConfigureAwait(false);
                return false;
            case ControllerSet set:
                Register(set);
                return false;
            case AnalogLap lap:
                if (Registered(lap.Type) && InRange(lap.Type, lap.ControllerId))
                {
                    Lap(lap);
                }
                return CountAnalogFrame();
            case AnalogPitEnter enter:
                if (Registered(enter.Type) && InRange(enter.Type, enter.ControllerId))
                {
                    var counted = Race.ApplyPitEnter(enter.ControllerId);
                    EmulatorLog.Pit(Logger, enter.ControllerId, counted ? "enter (pit stop counted)" : "enter (already in pit, not counted again)", Id);
                }
                return CountAnalogFrame();
            case AnalogPitLeave leave:
                if (Registered(leave.Type) && InRange(leave.Type, leave.ControllerId))
                {
                    var wasIn = Race.ApplyPitLeave(leave.ControllerId);
                    EmulatorLog.Pit(Logger, leave.ControllerId, wasIn ? "leave" : "leave (was not in pit)", Id);
                }
                return CountAnalogFrame();
            case RaceControl control:
                Control(control);
                return false;
            case UnknownMessage unknown:
                Violate(ViolationKinds.UnknownType, $"unknown frame type \"{unknown.UnknownType}\" ignored");
                return false;
            default:
                Violate(ViolationKinds.UnexpectedType, $"\"{message.Type}\" is sent by the app, not to it; ignored");
                return false;
        }
    }

    private async ValueTask HandshakeAsync(CancellationToken cancellationToken)
    {
        var faults = _context.Faults;
        if (faults.IgnoreHandshake)
        {
            EmulatorLog.Fault(Logger, Id, "ignoring api_version (no handshake replies)");
            return;
        }
        if (faults.HandshakeDelay > TimeSpan.Zero)
        {
            var delay = Task.Delay(faults.HandshakeDelay, _context.TimeProvider, cancellationToken);
            EmulatorLog.HandshakeDelayed(Logger, Id, faults.HandshakeDelay.TotalMilliseconds);
            await delay.ConfigureAwait(false);
        }
        if (TrySend(Race.Drivers) && TrySend(new UpdateServerInfo(IsSubscribed: false)) && TrySend(new ApiVersionReply(_context.ApiVersion)))
        {
            EmulatorLog.Handshake(Logger, Id, _context.ApiVersion);
        }
        else
        {
            EmulatorLog.ConnectionFailed(Logger, Id, "the peer is not reading: handshake replies could not be queued");
        }
    }

    private void Register(ControllerSet set)
    {
        if (set.IsAnalogSensor)
        {
            IsSensor = true;
            _role = "sensor";
            EmulatorLog.Registered(Logger, Id, "analog sensor (controller_set \"Z\")");
        }
        else if (int.TryParse(set.ControllerId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 8)
        {
            _role = $"client {n}";
            EmulatorLog.Registered(Logger, Id, $"client following controller {n}");
        }
        else
        {
            Violate(ViolationKinds.InvalidField, $"controller_set: controller_id \"{set.ControllerId}\" is neither \"Z\" nor 1..8");
        }
    }

    private void Lap(AnalogLap lap)
    {
        var outcome = Race.ApplyLap(lap.ControllerId, lap.Timestamp, Id);
        switch (outcome.Result)
        {
            case LapResult.Counted:
                EmulatorLog.Lap(Logger, lap.ControllerId, outcome.LapMs!.Value, outcome.Laps, outcome.BestLapMs, Id);
                break;
            case LapResult.FirstCrossing:
                EmulatorLog.FirstCrossing(Logger, lap.ControllerId, lap.Timestamp, Id);
                break;
            case LapResult.Duplicate:
                EmulatorLog.Duplicate(Logger, lap.ControllerId, lap.Timestamp, Id);
                break;
            case LapResult.Rejected when outcome.Rejection is { Reason: RejectReasons.BeforeStart or RejectReasons.AfterFinish } rejected:
                EmulatorLog.CrossingNotCounted(Logger, lap.ControllerId, lap.Timestamp, rejected.Reason, Id);
                break;
            case LapResult.Rejected when outcome.Rejection is { } rejected:
                EmulatorLog.LapRejected(Logger, lap.ControllerId, rejected.LapMs, rejected.Reason, rejected.LimitMs, Id);
                break;
            default:
                EmulatorLog.Violation(Logger, Id, ViolationKinds.LapOutOfOrder,
                    $"analog_lap controller {lap.ControllerId}: timestamp {lap.Timestamp} is older than its last crossing; not counted");
                break;
        }
    }

    private void Control(RaceControl control)
    {
        if (!IsSensor)
        {
            // The app's protocol has no authentication: only the analog sensor's own START/STOP button may control the race.
            Violate(ViolationKinds.NotAllowed, $"race_control \"{control.Value}\" from a connection that is not the analog sensor (controller_set \"Z\"); ignored");
            return;
        }
        RaceCommandResult result;
        switch (control.Value)
        {
            case RaceControl.Start:
                result = Race.Start();
                break;
            case RaceControl.Stop:
                result = Race.Stop();
                break;
            case RaceControl.Vsc or RaceControl.Esc:
                EmulatorLog.RaceControl(Logger, Id, control.Value, "not emulated, ignored");
                return;
            default:
                Violate(ViolationKinds.InvalidField, $"race_control: value \"{control.Value}\" is not start, stop, vsc or esc");
                return;
        }
        EmulatorLog.RaceControl(Logger, Id, control.Value,
            result.Accepted ? $"race {result.State.ToApi()}" : $"refused: {result.Error}");
    }

    private bool Registered(string type)
    {
        if (IsSensor)
        {
            return true;
        }
        Violate(ViolationKinds.NotRegistered, $"{type} before controller_set \"Z\"; not counted");
        return false;
    }

    private bool InRange(string type, int controllerId)
    {
        if (controllerId is >= 1 and <= 8)
        {
            return true;
        }
        Violate(ViolationKinds.LaneOutOfRange, $"{type}: controller_id {controllerId} is outside 1..8; not counted");
        return false;
    }

    private bool CountAnalogFrame()
    {
        _analogFrames++;
        if (_context.Faults.CloseAfterAnalogFrames is { } limit && _analogFrames >= limit)
        {
            EmulatorLog.Fault(Logger, Id, $"closing after {_analogFrames} analog frames");
            return true;
        }
        return false;
    }
}
