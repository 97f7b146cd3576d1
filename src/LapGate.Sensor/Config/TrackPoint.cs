namespace LapGate.Sensor.Config;

/// <summary>Where on the track a gate sits, or which race-control button it is.</summary>
public enum TrackPoint
{
    /// <summary>Finish line: <c>analog_lap</c>.</summary>
    FL,

    /// <summary>Pit enter: <c>analog_pit_enter</c>.</summary>
    PE,

    /// <summary>Pit leave: <c>analog_pit_leave</c>.</summary>
    PL,

    /// <summary>One gate that is finish line and pit exit: <c>analog_pit_leave</c> then <c>analog_lap</c>.</summary>
    FLPL,

    /// <summary>
    /// A start button: <c>race_control</c> "start". Seen in public clients; not verified against the app.
    /// </summary>
    Start,

    /// <summary>
    /// A stop button: <c>race_control</c> "stop". Seen in public clients; not verified against the app.
    /// </summary>
    Stop,
}
