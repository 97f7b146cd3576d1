namespace LapGate.Emulator.Race;

/// <summary>What the race state says about a crossing: the <see cref="RaceStateMachine"/> answers, the <see cref="LapCounter"/> asks.</summary>
internal interface ILapRules
{
    /// <summary>The session's setup (its lap time limits).</summary>
    RaceSetup Setup { get; }

    /// <summary>Why a crossing of <paramref name="record"/> that would count does not count now (one of <see cref="RejectReasons"/>), or null.</summary>
    string? NotCountedNow(ControllerRecord record);

    /// <summary>Whether the lap a crossing of <paramref name="record"/> completes now is the car's last.</summary>
    bool IsFinalLap(ControllerRecord record);
}
