namespace LapGate.Emulator.Race;

/// <summary>What a stored event is.</summary>
public enum RaceEventKind
{
    /// <summary>A crossing that was counted (or the first, reference crossing).</summary>
    Lap,
    /// <summary>An exact duplicate lap that was ignored.</summary>
    Duplicate,
    PitEnter,
    PitLeave,
    /// <summary>A crossing whose lap was at or below the minimum lap time: ignored, the reference stays.</summary>
    TooShort,
    /// <summary>A crossing whose lap was above the maximum lap time: not counted, it becomes the reference.</summary>
    TooLong,
    /// <summary>A counted crossing that was the car's last: the lap in progress when the time ran out, or a qualifying's last lap.</summary>
    FinalLap,
    /// <summary>A crossing after the car's final lap or the end of the session: not counted.</summary>
    AfterFinish,
    /// <summary>A crossing before a qualifying or race started: not counted, not a reference.</summary>
    BeforeStart,
}
