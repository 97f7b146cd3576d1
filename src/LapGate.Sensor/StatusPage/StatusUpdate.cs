using LapGate.Sensor.Pipeline;

namespace LapGate.Sensor.StatusPage;

/// <summary>What <c>GET /api/status</c> returns and each push message (SSE event <c>update</c>) carries: the whole state.</summary>
/// <param name="Status">The sensor's status.</param>
/// <param name="Log">The last log lines, oldest first.</param>
public sealed record StatusUpdate(SensorStatus Status, IReadOnlyList<string> Log);
