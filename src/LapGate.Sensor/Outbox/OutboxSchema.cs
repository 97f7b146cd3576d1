using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// The outbox's tables, versioned with <c>PRAGMA user_version</c>. Each migration takes the file from the version
/// before it to its own, in one transaction with the version bump, so a file is never left between two versions.
/// Files from before versioning have version 0 and today's tables; migration 1 creates those tables only where
/// they are missing, so such a file keeps every row. A file with a version above <see cref="Current"/> was written
/// by a newer LapGate and is refused (never changed or moved).
/// </summary>
internal static class OutboxSchema
{
    /// <summary>The migrations in order: entry N-1 takes a file to version N.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: events (the outbox and journal), rejected triggers, device-clock mappings.
        """
        CREATE TABLE IF NOT EXISTS events(
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL, lane INTEGER NOT NULL, timestamp_ms INTEGER NOT NULL, pin INTEGER NOT NULL,
          written_at TEXT NOT NULL, delivered_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS events_pending ON events(id) WHERE delivered_at IS NULL;
        CREATE TABLE IF NOT EXISTS rejected(
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          pin INTEGER NOT NULL, lane INTEGER NULL, timestamp_ms INTEGER NOT NULL,
          reason TEXT NOT NULL, detail TEXT NOT NULL, line INTEGER NULL, written_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS clock(
          source TEXT PRIMARY KEY NOT NULL, offset_ms INTEGER NOT NULL, extended_us INTEGER NOT NULL,
          last_raw_us INTEGER NOT NULL, host_epoch_us INTEGER NOT NULL, written_at TEXT NOT NULL);
        """,
    ];

    /// <summary>The version this LapGate writes.</summary>
    public static long Current => Migrations.Count;

    /// <summary>The file's schema version.</summary>
    public static long VersionOf(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// Brings the file to the last of <paramref name="migrations"/> and then writes its version once more in a
    /// transaction of its own (the write check: it fails at once on a full disk or a read-only file). Returns the
    /// version found, or throws <see cref="OutboxRefusedException"/> for a newer file.
    /// </summary>
    public static long Upgrade(SqliteConnection connection, string path, IReadOnlyList<string>? migrations = null)
    {
        migrations ??= Migrations;
        var found = VersionOf(connection);
        if (found > migrations.Count)
        {
            var problem = OutboxProblem.NewerSchema(path, found, migrations.Count);
            throw new OutboxRefusedException(problem.ToString()) { Problem = problem };
        }
        for (var version = found; version < migrations.Count; version++)
        {
            InTransaction(connection, migrations[(int)version] + $";\nPRAGMA user_version = {version + 1};");
        }
        InTransaction(connection, $"PRAGMA user_version = {migrations.Count};");
        return found;
    }

    private static void InTransaction(SqliteConnection connection, string sql)
    {
        using var tx = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
        tx.Commit();
    }
}
