namespace LapGate.Sensor.Outbox;

/// <summary>The result of <see cref="OutboxRecovery.OpenOrRecover"/>.</summary>
/// <param name="Outbox">The open outbox (a fresh one when the old file was moved aside).</param>
/// <param name="MovedAsideTo">Where the unusable file was moved, or null when it opened normally.</param>
/// <param name="Problem">What was wrong with the old file, or null.</param>
public sealed record OutboxOpenResult(SqliteOutbox Outbox, string? MovedAsideTo, string? Problem)
{
    /// <summary>True when the old file was unusable and a fresh outbox was started.</summary>
    public bool Recovered => MovedAsideTo is not null;
}
