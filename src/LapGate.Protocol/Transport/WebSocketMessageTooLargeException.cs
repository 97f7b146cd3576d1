namespace LapGate.Protocol.Transport;

/// <summary>A WebSocket message grew past the reader's limit; the rest of it was not read.</summary>
public sealed class WebSocketMessageTooLargeException : Exception
{
    public WebSocketMessageTooLargeException(int limit)
        : base($"WebSocket message is larger than the limit of {limit} bytes")
    {
        Limit = limit;
    }

    public WebSocketMessageTooLargeException() : this(0) { }

    public WebSocketMessageTooLargeException(string message) : base(message) { }

    public WebSocketMessageTooLargeException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The limit in bytes.</summary>
    public int Limit { get; }
}
