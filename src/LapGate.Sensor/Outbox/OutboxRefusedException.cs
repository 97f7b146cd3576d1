namespace LapGate.Sensor.Outbox;

/// <summary>
/// The sensor will not start on this outbox: another sensor holds it, or it cannot be written. The message says
/// what, where and how to fix it; nothing was moved or changed.
/// </summary>
public sealed class OutboxRefusedException : Exception
{
    public OutboxRefusedException()
    {
    }

    public OutboxRefusedException(string message)
        : base(message)
    {
    }

    public OutboxRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The environment problem, when that is the reason (null when another sensor holds the outbox).</summary>
    public OutboxProblem? Problem { get; init; }
}
