namespace LapGate.Sensor.Pipeline;

/// <summary>What an accepted event reports to the app.</summary>
public enum EventKind
{
    /// <summary><c>analog_lap</c>.</summary>
    Lap,

    /// <summary><c>analog_pit_enter</c>.</summary>
    PitEnter,

    /// <summary><c>analog_pit_leave</c>.</summary>
    PitLeave,
}
