namespace LapGate.Bridge.Events;

/// <summary>One thing that happened on a bridged connection, as printed and captured.</summary>
/// <param name="Time">Wall-clock time it was seen.</param>
/// <param name="OffsetMs">Monotonic milliseconds since the bridge started.</param>
/// <param name="Connection">Connection id (1, 2, … in accept order).</param>
/// <param name="Kind">Open, a frame, a close, or the end.</param>
/// <param name="Direction">Who sent it (frames and closes only).</param>
/// <param name="Payload">The frame bytes (text is UTF-8).</param>
/// <param name="CloseCode">The close code (closes only; null when the close frame had none).</param>
/// <param name="Detail">Close reason; for open the client's address; for end the error, if any.</param>
public sealed record BridgeEvent(
    DateTimeOffset Time,
    double OffsetMs,
    int Connection,
    BridgeEventKind Kind,
    FrameDirection? Direction,
    ReadOnlyMemory<byte> Payload,
    int? CloseCode,
    string? Detail);
