using LapGate.Emulator.Race;
using LapGate.Storage;
using Microsoft.Data.Sqlite;

namespace LapGate.Emulator.Storage;

/// <summary>
/// Sessions and their events in SQLite (WAL). A file path keeps them across restarts; null keeps
/// them in a private in-memory database for the life of this object. Not thread-safe: the engine
/// calls it under its lock.
/// </summary>
public sealed partial class SqliteRaceStore : IRaceStore
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _append;
    private readonly ExclusiveFileLock? _lock;

    /// <param name="path">The database file (its folder is created), or null for in memory.</param>
    /// <exception cref="EmulatorConfigurationException">
    /// The file is in use by another emulator, damaged, of a newer LapGate, or cannot be opened; the message names it and what to do.
    /// </exception>
    public SqliteRaceStore(string? path)
    {
        if (path is not null)
        {
            _lock = Lock(path);
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
            if (path is not null)
            {
                CheckIntegrity(path);
            }
            // The version first: a file of a newer LapGate is refused before anything (the journal mode included) changes it.
            EmulatorSchema.Upgrade(_connection, path ?? "in memory");
            Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        }
        catch (SqliteException ex) when (path is not null && IsDamage(ex))
        {
            Close();
            throw Damaged(path, ex.Message, ex);
        }
        catch (SqliteException ex)
        {
            Close();
            throw new EmulatorConfigurationException($"DatabasePath: cannot open SQLite database '{path}': {ex.Message}", ex);
        }
        catch
        {
            Close();
            throw;
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
        Close();
    }

    /// <summary>One emulator per database: a second one on the same file would mix its laps into the first one's session.</summary>
    private static ExclusiveFileLock Lock(string path)
    {
        var lockPath = ExclusiveFileLock.PathFor(path);
        try
        {
            return ExclusiveFileLock.Acquire(lockPath);
        }
        catch (FileLockedException ex)
        {
            var holder = ex.HolderPid is { } pid ? string.Create(CultureInfo.InvariantCulture, $" (pid {pid})") : "";
            throw new EmulatorConfigurationException(
                $"database {path} is in use by another lapgate emulator{holder}: stop that one, or start this one with another {nameof(EmulatorOptions.DatabasePath)}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorConfigurationException($"DatabasePath: cannot create the lock file {lockPath} beside the database: {ex.Message}", ex);
        }
    }

    /// <summary><c>PRAGMA quick_check</c> (fast at these sizes): a damaged file is refused before anything is read from it.</summary>
    private void CheckIntegrity(string path)
    {
        using var check = _connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check(3)";
        var problems = new List<string>();
        using (var reader = check.ExecuteReader())
        {
            while (reader.Read())
            {
                problems.Add(reader.GetString(0).ReplaceLineEndings(" ").Trim());
            }
        }
        if (problems is not ["ok"])
        {
            throw Damaged(path, string.Join("; ", problems), inner: null);
        }
    }

    private static bool IsDamage(SqliteException ex) => ex.SqliteErrorCode is 11 or 26; // SQLITE_CORRUPT, SQLITE_NOTADB

    private static EmulatorConfigurationException Damaged(string path, string problem, Exception? inner)
    {
        var message = $"database {path} is damaged ({problem}). Start with {EmulatorOptions.AnotherDatabase}; the damaged file is kept as it is " +
            "for inspection (move it away to start afresh at the same path)";
        return inner is null ? new EmulatorConfigurationException(message) : new EmulatorConfigurationException(message, inner);
    }

    private void Close()
    {
        _connection.Dispose();
        _lock?.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
