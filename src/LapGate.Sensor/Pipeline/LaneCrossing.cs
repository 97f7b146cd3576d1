using LapGate.Protocol.Formatting;
using LapGate.Sensor.Events;

namespace LapGate.Sensor.Pipeline;

/// <summary>
/// What an accepted event means for its lane, in the words the terminal view, the log and the status page
/// share: a lane's first crossing starts the clock ("first crossing"), every later one completes a lap
/// ("lap 1 in 2.513", the time the app computes from the two timestamps).
/// </summary>
/// <param name="Event">The event as journaled.</param>
/// <param name="Lap">The lap it completes (1, 2, …); null for a first crossing and for other events.</param>
/// <param name="LapTime">That lap's time.</param>
/// <param name="WasInPit">For a pit leave: true when the lane was in the pit (an FLPL gate sends one every lap).</param>
public sealed record LaneCrossing(SensorEvent Event, int? Lap, TimeSpan? LapTime, bool WasInPit = false)
{
    /// <summary>The line for people, e.g. <c>lane 1: lap 1 in 2.513</c>; null when there is nothing worth saying.</summary>
    public string? Words => Event.Kind switch
    {
        EventKind.Lap when Lap is { } lap && LapTime is { } time =>
            string.Create(CultureInfo.InvariantCulture, $"lane {Event.Lane}: lap {lap} in {LapTimeText.Format(time)}"),
        EventKind.Lap => string.Create(CultureInfo.InvariantCulture, $"lane {Event.Lane}: first crossing"),
        EventKind.PitEnter => string.Create(CultureInfo.InvariantCulture, $"lane {Event.Lane}: into the pit"),
        EventKind.PitLeave when WasInPit => string.Create(CultureInfo.InvariantCulture, $"lane {Event.Lane}: out of the pit"),
        EventKind.RaceStart => "START button: race start sent",
        EventKind.RaceStop => "STOP button: race stop sent",
        _ => null,
    };
}
