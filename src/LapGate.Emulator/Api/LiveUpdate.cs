using LapGate.Emulator.Connections;
using LapGate.Emulator.Race;

namespace LapGate.Emulator.Api;

/// <summary>One message of the push stream <c>GET /api/events</c> (SSE event <c>update</c>): the whole state, never a delta.</summary>
/// <param name="ServerTime">The emulator's clock when sent (the page computes ages and the race clock from it).</param>
/// <param name="Race">What <c>GET /api/race</c> returns.</param>
/// <param name="Connections">What <c>GET /api/connections</c> returns.</param>
public sealed record LiveUpdate(DateTimeOffset ServerTime, RaceSnapshot Race, IReadOnlyList<ConnectionSummary> Connections);
