namespace LapGate.Emulator.Storage;

/// <summary>What a stored event is.</summary>
public enum RaceEventKind
{
    /// <summary>A crossing that was counted (or the first, reference crossing).</summary>
    Lap,
    /// <summary>An exact duplicate lap that was ignored.</summary>
    Duplicate,
    PitEnter,
    PitLeave,
}
