using LapGate.Protocol.Messages;

namespace LapGate.Sensor.Events;

/// <summary>
/// An accepted event, as journaled in the outbox and sent to the app.
/// </summary>
/// <param name="Id">The outbox sequence number (0 before it is written); delivery is in this order.</param>
/// <param name="Kind">Lap, pit enter or pit leave.</param>
/// <param name="Lane">Controller 1..8; 0 for race control.</param>
/// <param name="TimestampMs">Unix-epoch ms of the trigger (sent for laps; kept for pit events).</param>
/// <param name="Pin">The pin that triggered it.</param>
public sealed record SensorEvent(long Id, EventKind Kind, int Lane, long TimestampMs, int Pin)
{
    /// <summary>The wire message for this event.</summary>
    public Message ToMessage() => Kind switch
    {
        EventKind.Lap => new AnalogLap(TimestampMs, Lane),
        EventKind.PitEnter => new AnalogPitEnter(Lane),
        EventKind.PitLeave => new AnalogPitLeave(Lane),
        EventKind.RaceStart => new RaceControl(RaceControlValues.Start),
        EventKind.RaceStop => new RaceControl(RaceControlValues.Stop),
        _ => throw new InvalidOperationException($"unknown event kind {Kind}"),
    };
}
