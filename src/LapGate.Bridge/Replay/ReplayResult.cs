namespace LapGate.Bridge.Replay;

/// <summary>The end of a replay: outcome, a one-line reason, and what was exchanged.</summary>
public sealed record ReplayResult(ReplayOutcome Outcome, string Message, int Connections, int FramesSent, int FramesReceived)
{
    /// <summary>0 on success, otherwise the <see cref="ReplayOutcome"/> number.</summary>
    public int ExitCode => (int)Outcome;

    public bool IsSuccess => Outcome == ReplayOutcome.Success;
}
