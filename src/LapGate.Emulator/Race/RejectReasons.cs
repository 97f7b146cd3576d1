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
    /// The car already took the chequered flag: its lap in progress when the time ran out (or its last
    /// lap of a qualifying by laps) was its final one; later crossings do not count.
    /// </summary>
    public const string AfterFinish = "after_finish";
}
