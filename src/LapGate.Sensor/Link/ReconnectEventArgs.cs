namespace LapGate.Sensor.Link;

/// <summary>The link dropped: why, which attempt this is, and how long until the next one.</summary>
public sealed class ReconnectEventArgs(ReconnectCause cause, int attempt, TimeSpan? delay, string detail) : EventArgs
{
    public ReconnectCause Cause { get; } = cause;

    public int Attempt { get; } = attempt;

    /// <summary>Null when the retry policy gave up.</summary>
    public TimeSpan? Delay { get; } = delay;

    /// <summary>The underlying error, for logs.</summary>
    public string Detail { get; } = detail;
}
