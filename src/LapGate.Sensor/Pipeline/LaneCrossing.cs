using System.Globalization;

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
            string.Create(CultureInfo.InvariantCulture, $"lane {Event.Lane}: lap {lap} in {FormatLapTime(time)}"),
        EventKind.Lap => string.Create(CultureInfo.InvariantCulture, $"lane {Event.Lane}: first crossing"),
        EventKind.PitEnter => string.Create(CultureInfo.InvariantCulture, $"lane {Event.Lane}: into the pit"),
        EventKind.PitLeave when WasInPit => string.Create(CultureInfo.InvariantCulture, $"lane {Event.Lane}: out of the pit"),
        EventKind.RaceStart => "START button: race start sent",
        EventKind.RaceStop => "STOP button: race stop sent",
        _ => null,
    };

    /// <summary>
    /// A lap time as people at a track read it: <c>4.321</c> under a minute, <c>1:04.321</c> above, <c>-</c> for
    /// none (the emulator's results use the same form).
    /// </summary>
    public static string FormatLapTime(TimeSpan? time)
    {
        if (time is not { } t)
        {
            return "-";
        }
        var ms = (long)Math.Round(Math.Abs(t.TotalMilliseconds));
        var sign = t < TimeSpan.Zero ? "-" : "";
        var minutes = ms / 60_000;
        return minutes > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes}:{ms % 60_000 / 1000:00}.{ms % 1000:000}")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{ms / 1000}.{ms % 1000:000}");
    }
}
