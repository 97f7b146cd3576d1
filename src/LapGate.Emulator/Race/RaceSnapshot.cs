namespace LapGate.Emulator.Race;

/// <summary>The race at one moment: exactly what <c>GET /api/race</c> returns.</summary>
/// <param name="State"><c>idle</c>, <c>running</c> or <c>ended</c>.</param>
/// <param name="Session">The session id (a reset starts a new one).</param>
/// <param name="Controllers">Configured and active controllers, by position.</param>
/// <param name="DuplicatesIgnored">Exact duplicate laps (same controller and timestamp) ignored.</param>
/// <param name="Violations">The newest protocol violations (at most 100), oldest first.</param>
public sealed record RaceSnapshot(
    string State,
    long Session,
    IReadOnlyList<ControllerStanding> Controllers,
    int DuplicatesIgnored,
    IReadOnlyList<Violation> Violations)
{
    /// <summary>The standing of a controller, or null.</summary>
    public ControllerStanding? Find(int controllerId) => Controllers.FirstOrDefault(c => c.Id == controllerId);
}
