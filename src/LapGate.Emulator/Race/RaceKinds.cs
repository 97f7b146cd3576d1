namespace LapGate.Emulator.Race;

/// <summary>The session types (<c>kind</c> of <see cref="RaceSetup"/>), as the app has them.</summary>
public static class RaceKinds
{
    /// <summary>
    /// Free practice: laps count, no finish; it cannot be started or ended and is not listed as a
    /// session (its best laps still count as track records).
    /// </summary>
    public const string Practice = "practice";

    /// <summary>Qualifying by time or laps: the fastest single lap wins and sets the order.</summary>
    public const string Qualifying = "qualifying";

    /// <summary>A race by laps or time (the default): most laps, then the earliest crossing.</summary>
    public const string Race = "race";
}
