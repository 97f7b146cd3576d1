using System.Net.WebSockets;

namespace LapGate.Protocol.Transport;

/// <summary>One whole WebSocket message (all its fragments joined), or the peer's close.</summary>
/// <param name="Kind">Text, Binary or Close.</param>
/// <param name="Payload">The message bytes (empty for a close).</param>
/// <param name="CloseStatus">The peer's close code, for a close.</param>
/// <param name="CloseDescription">The peer's close reason, for a close.</param>
public readonly record struct WebSocketMessage(
    WebSocketMessageType Kind,
    ReadOnlyMemory<byte> Payload,
    WebSocketCloseStatus? CloseStatus = null,
    string? CloseDescription = null)
{
    /// <summary>True when the peer sent a close frame.</summary>
    public bool IsClose => Kind == WebSocketMessageType.Close;

    /// <summary>The payload as UTF-8 text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Payload.Span);
}
