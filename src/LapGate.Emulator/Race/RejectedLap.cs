namespace LapGate.Emulator.Race;

/// <summary>A crossing that was not counted because its lap was outside the track's lap time limits.</summary>
/// <param name="Timestamp">The crossing's timestamp (sensor ms).</param>
/// <param name="LapMs">The lap it would have completed, measured from the last counted crossing.</param>
/// <param name="Reason">One of <see cref="RejectReasons"/>.</param>
/// <param name="LimitMs">The limit it broke (the minimum or the maximum lap time).</param>
public sealed record RejectedLap(long Timestamp, long LapMs, string Reason, long LimitMs);
