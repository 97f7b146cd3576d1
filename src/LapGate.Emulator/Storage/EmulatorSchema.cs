using Microsoft.Data.Sqlite;

namespace LapGate.Emulator.Storage;

/// <summary>
/// The emulator database's tables, versioned with <c>PRAGMA user_version</c> (the same scheme as the sensor's outbox).
/// Migration N takes a file from version N-1 to N, in one transaction with the version bump, so a file is never left
/// between two versions. Files from before versioning have version 0 and some of today's tables and columns
/// (columns were added on open as they came); migration 1 creates what is missing and keeps every row. A file with a
/// version above <see cref="Current"/> was written by a newer LapGate and is refused, never changed.
/// </summary>
internal static class EmulatorSchema
{
    /// <summary>The columns of <c>session_races</c> that files before versioning may lack (they were added one by one).</summary>
    private static readonly string[] LateSessionColumns =
        ["min_lap_ms INTEGER", "max_lap_ms INTEGER", "kind TEXT", "suspended_at TEXT", "suspended_ms INTEGER", "track_id INTEGER", "countdown_ms INTEGER", "track_name TEXT"];

    /// <summary>The migrations in order: entry N-1 takes a file to version N.</summary>
    public static IReadOnlyList<Action<SqliteConnection, SqliteTransaction>> Migrations { get; } =
    [
        // 1: sessions with their events and race settings, tracks and their records, managed drivers.
        (connection, tx) =>
        {
            Execute(connection, tx, """
                CREATE TABLE IF NOT EXISTS sessions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    created_at TEXT NOT NULL,
                    state TEXT NOT NULL,
                    state_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS events (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    session_id INTEGER NOT NULL REFERENCES sessions(id),
                    kind TEXT NOT NULL,
                    controller_id INTEGER NOT NULL,
                    timestamp INTEGER NULL,
                    received_at TEXT NOT NULL);
                CREATE INDEX IF NOT EXISTS events_by_session ON events(session_id, id);
                CREATE TABLE IF NOT EXISTS session_races (
                    session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
                    mode TEXT NOT NULL,
                    laps INTEGER NULL,
                    duration_ms INTEGER NULL,
                    started_at TEXT NULL,
                    ended_at TEXT NULL,
                    finish_reason TEXT NULL,
                    winner_id INTEGER NULL);
                CREATE TABLE IF NOT EXISTS tracks (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    min_lap_ms INTEGER NULL,
                    max_lap_ms INTEGER NULL);
                CREATE TABLE IF NOT EXISTS track_records (
                    track_id INTEGER PRIMARY KEY REFERENCES tracks(id),
                    lap_ms INTEGER NOT NULL,
                    controller_id INTEGER NOT NULL,
                    driver TEXT NULL,
                    car TEXT NULL,
                    set_at TEXT NOT NULL,
                    session_id INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS drivers (
                    controller_id INTEGER PRIMARY KEY,
                    driver TEXT NULL,
                    car TEXT NULL,
                    color TEXT NULL,
                    background_color TEXT NULL);
                """);
            var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            using (var query = connection.CreateCommand())
            {
                query.Transaction = tx;
                query.CommandText = "SELECT name FROM pragma_table_info('session_races')";
                using var reader = query.ExecuteReader();
                while (reader.Read())
                {
                    existing.Add(reader.GetString(0));
                }
            }
            foreach (var column in LateSessionColumns.Where(c => !existing.Contains(c.Split(' ')[0])))
            {
                Execute(connection, tx, $"ALTER TABLE session_races ADD COLUMN {column} NULL");
            }
        },
    ];

    /// <summary>The version this LapGate writes.</summary>
    public static long Current => Migrations.Count;

    /// <summary>The file's schema version.</summary>
    public static long VersionOf(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Brings the file to the last of <paramref name="migrations"/> (default <see cref="Migrations"/>) and returns the version
    /// found. Throws <see cref="EmulatorConfigurationException"/> for a file of a newer LapGate, naming <paramref name="path"/>.
    /// </summary>
    public static long Upgrade(SqliteConnection connection, string path, IReadOnlyList<Action<SqliteConnection, SqliteTransaction>>? migrations = null)
    {
        migrations ??= Migrations;
        var found = VersionOf(connection);
        if (found > migrations.Count)
        {
            throw new EmulatorConfigurationException(
                $"database {path} was written by a newer LapGate (schema version {found}; this one knows up to {migrations.Count}): " +
                $"run that newer lapgate, or start with another {nameof(EmulatorOptions.DatabasePath)} (the file is left as it is)");
        }
        for (var version = found; version < migrations.Count; version++)
        {
            using var tx = connection.BeginTransaction();
            migrations[(int)version](connection, tx);
            Execute(connection, tx, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version + 1}"));
            tx.Commit();
        }
        return found;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
