namespace LapGate.Sensor.Link;

/// <summary>Ends one connection inside the link loop with a named cause.</summary>
internal sealed class LinkDroppedException : Exception
{
    public LinkDroppedException(ReconnectCause cause, string detail, Exception? inner = null)
        : base(detail, inner)
    {
        Cause = cause;
    }

    public LinkDroppedException() : this(ReconnectCause.ConnectionLost, "connection lost") { }

    public LinkDroppedException(string message) : this(ReconnectCause.ConnectionLost, message) { }

    public LinkDroppedException(string message, Exception inner) : this(ReconnectCause.ConnectionLost, message, inner) { }

    public ReconnectCause Cause { get; }
}
