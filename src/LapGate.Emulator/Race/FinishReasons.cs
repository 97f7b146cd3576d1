namespace LapGate.Emulator.Race;

/// <summary>Why a race ended (<c>finishReason</c> in the API).</summary>
public static class FinishReasons
{
    /// <summary>A controller completed the set number of laps; it is the winner.</summary>
    public const string Laps = "laps";

    /// <summary>The set time ran out; the leader then (most laps, earliest crossing) is the winner.</summary>
    public const string Time = "time";

    /// <summary>Stopped by hand (<c>POST /api/race/stop</c> or <c>race_control</c>); the leader then is shown as winner.</summary>
    public const string Stopped = "stopped";
}
