using System.Net.WebSockets;
using System.Text;

namespace LapGate.TestSupport;

/// <summary>
/// A WebSocket frame as a test peer received it: its kind and bytes (or close code and reason), the (possibly fake)
/// time it arrived, its place among everything that peer saw, and the connection (1, 2, …) it came on.
/// </summary>
public sealed record Frame(WebSocketMessageType Kind, byte[] Payload, int? CloseCode, string? CloseReason, DateTimeOffset At, long Sequence = 0, int Connection = 0)
{
    public string Text => Encoding.UTF8.GetString(Payload);

    public bool IsClose => Kind == WebSocketMessageType.Close;

    public override string ToString() => (Connection > 0 ? $"#{Connection} " : "") + (IsClose ? $"close {CloseCode} {CloseReason}" : $"{Kind} {Text}");
}
