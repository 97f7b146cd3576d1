namespace LapGate.Sensor.Config;

/// <summary>
/// One gate or button: an input pin, the lane (controller 1..8) it belongs to, and its track point.
/// Race-control buttons (<see cref="TrackPoint.Start"/>, <see cref="TrackPoint.Stop"/>) have no lane: 0.
/// </summary>
/// <param name="Pin">The input pin (GPIO line offset, or the pin number a serial device prints).</param>
/// <param name="Lane">Controller 1..8; 0 for a race-control button.</param>
/// <param name="Point">Where on the track (or which button).</param>
/// <param name="ActiveHigh">GPIO only: the input goes high when a car passes (default: active low, falling edge).</param>
public sealed record SensorEntry(int Pin, int Lane, TrackPoint Point, bool ActiveHigh = false)
{
    /// <summary>True for a race-control button (START/STOP), which has no lane.</summary>
    public bool IsButton => Point is TrackPoint.Start or TrackPoint.Stop;
}
