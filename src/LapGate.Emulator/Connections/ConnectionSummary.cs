namespace LapGate.Emulator.Connections;

/// <summary>One open WebSocket connection, as listed by <c>GET /api/connections</c>.</summary>
/// <param name="Id">The connection id used in logs and violations (<c>c1</c>, …).</param>
/// <param name="Remote">The peer's address and port.</param>
/// <param name="Role"><c>connected</c>, <c>sensor</c> (after <c>controller_set "Z"</c>) or <c>client N</c>.</param>
/// <param name="ConnectedAt">When it connected.</param>
/// <param name="LastFrameAt">When its last frame arrived, or null.</param>
/// <param name="Frames">Frames received.</param>
public sealed record ConnectionSummary(string Id, string Remote, string Role, DateTimeOffset ConnectedAt, DateTimeOffset? LastFrameAt, long Frames);
