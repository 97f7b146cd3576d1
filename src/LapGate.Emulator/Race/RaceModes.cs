namespace LapGate.Emulator.Race;

/// <summary>The <c>mode</c> strings of <see cref="RaceSetup"/>.</summary>
public static class RaceModes
{
    public const string Open = "open";
    public const string Laps = "laps";
    public const string Time = "time";
}
