using System.Net.WebSockets;
using System.Text;

namespace LapGate.Bridge.Tests.Support;

/// <summary>A frame as a test peer saw it, with the (possibly fake) time it arrived.</summary>
public sealed record Frame(WebSocketMessageType Kind, byte[] Payload, int? CloseCode, string? CloseReason, DateTimeOffset At, long Sequence = 0)
{
    public string Text => Encoding.UTF8.GetString(Payload);

    public bool IsClose => Kind == WebSocketMessageType.Close;

    public override string ToString() => IsClose ? $"close {CloseCode} {CloseReason}" : $"{Kind} {Text}";
}
