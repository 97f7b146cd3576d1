using LapGate.Emulator.Race;

namespace LapGate.Emulator.Storage;

/// <summary>The current session as stored: its id, state and events in arrival order.</summary>
public sealed record StoredSession(long Id, RaceState State, IReadOnlyList<StoredEvent> Events);
