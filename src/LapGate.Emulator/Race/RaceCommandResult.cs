namespace LapGate.Emulator.Race;

/// <summary>The result of start/stop/reset.</summary>
/// <param name="Accepted">False when the command does not apply in the current state.</param>
/// <param name="Changed">True when the state changed (start while running is accepted but changes nothing).</param>
/// <param name="State">The state afterwards.</param>
/// <param name="Error">Why it was refused.</param>
public sealed record RaceCommandResult(bool Accepted, bool Changed, RaceState State, string? Error = null);
