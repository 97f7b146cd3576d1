namespace LapGate.Emulator.Race;

/// <summary>One accepted frame of a session, in arrival order.</summary>
public sealed record StoredEvent(RaceEventKind Kind, int ControllerId, long? Timestamp);
