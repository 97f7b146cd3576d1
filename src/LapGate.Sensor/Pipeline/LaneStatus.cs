namespace LapGate.Sensor.Pipeline;

/// <summary>One lane on the screen.</summary>
/// <param name="Lane">Controller 1..8.</param>
/// <param name="Driver">The driver the app assigned, if any.</param>
/// <param name="LapsSent">Laps sent to the app since start (or the app's last reset).</param>
/// <param name="LastLap">The last lap time, as the app computes it from the timestamps.</param>
/// <param name="BestLap">The best lap time.</param>
/// <param name="Rejected">Triggers on this lane's gates the filters turned down.</param>
/// <param name="InPit">True between a pit enter and a pit leave.</param>
public sealed record LaneStatus(int Lane, string? Driver, int LapsSent, TimeSpan? LastLap, TimeSpan? BestLap, int Rejected, bool InPit);
