namespace LapGate.Emulator.Race;

/// <summary>What a race command did: its result, and the states the race went through (in order), which the engine raises once out of its lock.</summary>
/// <param name="Result">The command's result.</param>
/// <param name="Passed">The states entered; empty when the state stayed.</param>
internal readonly record struct RaceTransition(RaceCommandResult Result, params RaceState[] Passed);
