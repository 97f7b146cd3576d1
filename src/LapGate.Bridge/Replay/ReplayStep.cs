using System.Net.WebSockets;

namespace LapGate.Bridge.Replay;

/// <summary>One client→app frame to re-send: text, binary, or the client's close.</summary>
internal sealed record ReplayStep(int Line, double Ms, WebSocketMessageType Kind, byte[] Payload, int? CloseCode, string? CloseReason);
