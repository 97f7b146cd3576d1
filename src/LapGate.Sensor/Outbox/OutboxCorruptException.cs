namespace LapGate.Sensor.Outbox;

/// <summary>The outbox file opened but its content is damaged (failed integrity check or an unreadable row).</summary>
public sealed class OutboxCorruptException : Exception
{
    public OutboxCorruptException()
    {
    }

    public OutboxCorruptException(string message)
        : base(message)
    {
    }

    public OutboxCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
