namespace LapGate.Emulator.Race;

/// <summary>Why a lap was not counted (<c>reason</c> of <see cref="RejectedLap"/>).</summary>
public static class RejectReasons
{
    /// <summary>
    /// At or below the minimum lap time: the crossing is ignored (as the app does), so the next lap
    /// is measured from the last counted crossing.
    /// </summary>
    public const string TooShort = "too_short";

    /// <summary>
    /// Above the maximum lap time: the lap is not counted, but the crossing becomes the new reference
    /// so the car's next lap counts normally.
    /// </summary>
    public const string TooLong = "too_long";

    /// <summary>
    /// The session is over for this car: it already took the chequered flag (its lap in progress when the
    /// time ran out, or its last lap of a qualifying by laps), or the session ended (lap count reached,
    /// stopped by hand). Later crossings do not count.
    /// </summary>
    public const string AfterFinish = "after_finish";

    /// <summary>
    /// A qualifying or race is set up but not started yet (or its start countdown runs): the crossing is
    /// not counted and is not the car's reference either: its first lap is measured from its first
    /// crossing after the start. (Free practice, which counts every crossing, is not running meanwhile.)
    /// </summary>
    public const string BeforeStart = "before_start";
}
