namespace LapGate.Sensor.Outbox;

/// <summary>The outbox stopped (or started again) taking writes.</summary>
/// <param name="Problem">Why it cannot be written now, or null: it can be written again.</param>
/// <param name="Unwritten">Events kept in memory only (sent all the same, not durable).</param>
/// <param name="Written">When writable again: the events from memory now written to it.</param>
public sealed record OutboxDurabilityChange(OutboxProblem? Problem, int Unwritten, int Written);
