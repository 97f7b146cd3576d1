namespace LapGate.Sensor.Events;

/// <summary>
/// The <c>race_control</c> values a button sends. Seen in public clients of the app; not verified against the
/// app itself.
/// </summary>
public static class RaceControlValues
{
    /// <summary>Start (or resume) the race.</summary>
    public const string Start = "start";

    /// <summary>Stop (suspend) the race.</summary>
    public const string Stop = "stop";
}
