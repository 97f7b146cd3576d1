namespace LapGate.Emulator.Race;

/// <summary>What the engine did with an <c>analog_lap</c>.</summary>
public enum LapResult
{
    /// <summary>The controller's first crossing: the reference, no lap yet.</summary>
    FirstCrossing,
    /// <summary>A lap was completed.</summary>
    Counted,
    /// <summary>Same controller and timestamp as an earlier crossing: ignored and counted as duplicate.</summary>
    Duplicate,
    /// <summary>Older than the controller's last crossing: a violation, not counted.</summary>
    OutOfOrder,
    /// <summary>The lap broke the track's minimum or maximum lap time: not counted (see <see cref="RejectReasons"/>).</summary>
    Rejected,
}

/// <summary>The outcome of one lap frame.</summary>
/// <param name="Result">What happened.</param>
/// <param name="ControllerId">Controller 1..8.</param>
/// <param name="Timestamp">The frame's timestamp.</param>
/// <param name="LapMs">The completed lap's time for <see cref="LapResult.Counted"/>.</param>
/// <param name="Laps">Completed laps of this controller after the frame.</param>
/// <param name="BestLapMs">Best lap after the frame.</param>
public sealed record LapOutcome(LapResult Result, int ControllerId, long Timestamp, long? LapMs, int Laps, long? BestLapMs)
{
    /// <summary>Why the lap was not counted, for <see cref="LapResult.Rejected"/>.</summary>
    public RejectedLap? Rejection { get; init; }
}
