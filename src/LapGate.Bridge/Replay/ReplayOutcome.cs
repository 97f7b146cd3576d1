namespace LapGate.Bridge.Replay;

/// <summary>How a replay ended; the value is the process exit code.</summary>
public enum ReplayOutcome
{
    /// <summary>Every connection was replayed and closed.</summary>
    Success = 0,

    /// <summary>Something else failed (e.g. the capture file cannot be opened).</summary>
    Failed = 1,

    /// <summary>A capture line is malformed (the message names the line).</summary>
    MalformedCapture = 2,

    /// <summary>The target could not be reached.</summary>
    TargetUnreachable = 3,

    /// <summary>The target closed (or lost) a connection before all its frames were sent.</summary>
    ClosedEarly = 4,
}
