namespace LapGate.Protocol.Codec;

/// <summary>A frame that cannot be read as a SmartRace message. The message says what and where.</summary>
public sealed class ProtocolException : Exception
{
    public ProtocolException(ProtocolErrorKind kind, string message, string? messageType = null, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
        MessageType = messageType;
    }

    public ProtocolException() : this(ProtocolErrorKind.InvalidJson, "Invalid frame.") { }

    public ProtocolException(string message) : this(ProtocolErrorKind.InvalidJson, message) { }

    public ProtocolException(string message, Exception inner) : this(ProtocolErrorKind.InvalidJson, message, null, inner) { }

    /// <summary>What kind of problem.</summary>
    public ProtocolErrorKind Kind { get; }

    /// <summary>The frame's <c>type</c>, when it could be read.</summary>
    public string? MessageType { get; }
}
