namespace LapGate.Sensor.Events;

/// <summary>What an accepted event reports to the app.</summary>
public enum EventKind
{
    /// <summary><c>analog_lap</c>.</summary>
    Lap,

    /// <summary><c>analog_pit_enter</c>.</summary>
    PitEnter,

    /// <summary><c>analog_pit_leave</c>.</summary>
    PitLeave,

    /// <summary><c>race_control</c> "start" from a START button (no lane: 0).</summary>
    RaceStart,

    /// <summary><c>race_control</c> "stop" from a STOP button (no lane: 0).</summary>
    RaceStop,
}
