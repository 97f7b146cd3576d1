namespace LapGate.Sensor.Config;

/// <summary>Where on the track a gate sits.</summary>
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
}
