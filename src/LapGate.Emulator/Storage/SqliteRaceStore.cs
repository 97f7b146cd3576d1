using System.Globalization;
using LapGate.Emulator.Race;
using Microsoft.Data.Sqlite;

namespace LapGate.Emulator.Storage;

/// <summary>
/// Sessions and their events in SQLite (WAL). A file path keeps them across restarts; null keeps
/// them in a private in-memory database for the life of this object. Not thread-safe: the engine
/// calls it under its lock.
/// </summary>
public sealed partial class SqliteRaceStore : IRaceStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
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
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _append;

    /// <param name="path">The database file (its folder is created), or null for in memory.</param>
    public SqliteRaceStore(string? path)
    {
        if (path is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            try
            {
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new EmulatorConfigurationException($"DatabasePath: cannot create the folder of '{path}': {ex.Message}", ex);
            }
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path ?? ":memory:",
            Mode = path is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        _connection = new SqliteConnection(builder.ToString());
        try
        {
            _connection.Open();
            Execute(Schema);
            AddMissingColumns();
        }
        catch (SqliteException ex)
        {
            _connection.Dispose();
            throw new EmulatorConfigurationException($"DatabasePath: cannot open SQLite database '{path}': {ex.Message}", ex);
        }
        _append = _connection.CreateCommand();
        _append.CommandText = "INSERT INTO events (session_id, kind, controller_id, timestamp, received_at) VALUES ($s, $k, $c, $t, $at)";
        _append.Parameters.Add("$s", SqliteType.Integer);
        _append.Parameters.Add("$k", SqliteType.Text);
        _append.Parameters.Add("$c", SqliteType.Integer);
        _append.Parameters.Add("$t", SqliteType.Integer);
        _append.Parameters.Add("$at", SqliteType.Text);
        _append.Prepare();
    }

    public StoredSession LoadCurrent(DateTimeOffset now)
    {
        long? newest;
        using (var query = _connection.CreateCommand())
        {
            query.CommandText = "SELECT MAX(id) FROM sessions";
            newest = query.ExecuteScalar() is long id ? id : null;
        }
        if (newest is null)
        {
            // A new database begins in free practice, as the app does.
            var id = NewSession(now);
            var practice = new RaceTimeline(RaceSetup.Practice);
            SaveTimeline(id, practice);
            return new StoredSession(id, RaceState.Idle, []) { CreatedAt = now, Timeline = practice };
        }
        return LoadSession(newest.Value)!;
    }

    public long NewSession(DateTimeOffset now)
    {
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO sessions (created_at, state, state_at) VALUES ($at, $state, $at); SELECT last_insert_rowid();";
        insert.Parameters.AddWithValue("$at", Format(now));
        insert.Parameters.AddWithValue("$state", RaceState.Idle.ToApi());
        return (long)insert.ExecuteScalar()!;
    }

    public void SetState(long sessionId, RaceState state, DateTimeOffset now)
    {
        using var update = _connection.CreateCommand();
        update.CommandText = "UPDATE sessions SET state = $state, state_at = $at WHERE id = $s";
        update.Parameters.AddWithValue("$state", state.ToApi());
        update.Parameters.AddWithValue("$at", Format(now));
        update.Parameters.AddWithValue("$s", sessionId);
        update.ExecuteNonQuery();
    }

    public void Append(long sessionId, StoredEvent raceEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(raceEvent);
        _append.Parameters["$s"].Value = sessionId;
        _append.Parameters["$k"].Value = raceEvent.Kind.ToString();
        _append.Parameters["$c"].Value = raceEvent.ControllerId;
        _append.Parameters["$t"].Value = raceEvent.Timestamp is { } t ? t : DBNull.Value;
        _append.Parameters["$at"].Value = Format(now);
        _append.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _append.Dispose();
        _connection.Dispose();
    }

    /// <summary>Columns added after the first release; an older database gets them on open (null = unset).</summary>
    private void AddMissingColumns()
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var query = _connection.CreateCommand())
        {
            query.CommandText = "SELECT name FROM pragma_table_info('session_races')";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }
        foreach (var column in (string[])["min_lap_ms INTEGER", "max_lap_ms INTEGER", "kind TEXT", "suspended_at TEXT", "suspended_ms INTEGER", "track_id INTEGER", "countdown_ms INTEGER", "track_name TEXT"])
        {
            if (!existing.Contains(column.Split(' ')[0]))
            {
                Execute($"ALTER TABLE session_races ADD COLUMN {column} NULL");
            }
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
