using System.Globalization;
using LapGate.Sensor.Pipeline;
using LapGate.Sensor.Timing;
using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// The outbox and journal in one SQLite file (WAL, synchronous=FULL: an appended event survives a crash or
/// a power cut). Delivered events stay in the journal with their delivery time.
/// </summary>
public sealed class SqliteOutbox : IOutbox
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private SqliteOutbox(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>The file path.</summary>
    public string Path { get; private init; } = "";

    /// <summary>Opens (creating when missing, with its folder) the outbox at <paramref name="path"/>.</summary>
    public static SqliteOutbox Open(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, """
                PRAGMA journal_mode=WAL;
                PRAGMA synchronous=FULL;
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
                """);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new SqliteOutbox(connection, timeProvider ?? TimeProvider.System) { Path = path };
    }

    public IReadOnlyList<SensorEvent> Append(IReadOnlyList<SensorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var result = new List<SensorEvent>(events.Count);
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO events(kind, lane, timestamp_ms, pin, written_at) VALUES ($k, $l, $t, $p, $w) RETURNING id";
            var k = cmd.Parameters.Add("$k", SqliteType.Text);
            var l = cmd.Parameters.Add("$l", SqliteType.Integer);
            var t = cmd.Parameters.Add("$t", SqliteType.Integer);
            var p = cmd.Parameters.Add("$p", SqliteType.Integer);
            cmd.Parameters.AddWithValue("$w", Now());
            foreach (var e in events)
            {
                k.Value = e.Kind.ToString();
                l.Value = e.Lane;
                t.Value = e.TimestampMs;
                p.Value = e.Pin;
                var id = (long)cmd.ExecuteScalar()!;
                result.Add(e with { Id = id });
            }
            tx.Commit();
            return result;
        }
    }

    public IReadOnlyList<SensorEvent> Pending()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id, kind, lane, timestamp_ms, pin FROM events WHERE delivered_at IS NULL ORDER BY id";
            using var reader = cmd.ExecuteReader();
            var result = new List<SensorEvent>();
            while (reader.Read())
            {
                var kind = Enum.Parse<EventKind>(reader.GetString(1));
                result.Add(new SensorEvent(reader.GetInt64(0), kind, reader.GetInt32(2), reader.GetInt64(3), reader.GetInt32(4)));
            }
            return result;
        }
    }

    public void MarkDelivered(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE events SET delivered_at = $w WHERE id = $id AND delivered_at IS NULL";
            cmd.Parameters.AddWithValue("$w", Now());
            var id = cmd.Parameters.Add("$id", SqliteType.Integer);
            foreach (var value in ids)
            {
                id.Value = value;
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    public void Reject(RejectedTrigger rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "INSERT INTO rejected(pin, lane, timestamp_ms, reason, detail, line, written_at) VALUES ($p, $l, $t, $r, $d, $n, $w)";
            cmd.Parameters.AddWithValue("$p", rejected.Pin);
            cmd.Parameters.AddWithValue("$l", (object?)rejected.Lane ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$t", rejected.TimestampMs);
            cmd.Parameters.AddWithValue("$r", rejected.Reason.ToString());
            cmd.Parameters.AddWithValue("$d", rejected.Detail);
            cmd.Parameters.AddWithValue("$n", (object?)rejected.Line ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$w", Now());
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Checks the file's integrity (<c>PRAGMA quick_check</c>) and that every pending row reads back.
    /// Throws <see cref="OutboxCorruptException"/> or <see cref="SqliteException"/> when it does not.
    /// </summary>
    public void Verify()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "PRAGMA quick_check";
            var result = cmd.ExecuteScalar() as string;
            if (result != "ok")
            {
                throw new OutboxCorruptException($"integrity check failed: {result}");
            }
        }
        try
        {
            _ = Pending();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            throw new OutboxCorruptException($"an undelivered event cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>The saved device-clock mapping of the input <paramref name="source"/>, or null.</summary>
    public DeviceClockState? LoadClock(string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT offset_ms, extended_us, last_raw_us, host_epoch_us FROM clock WHERE source = $s";
            cmd.Parameters.AddWithValue("$s", source);
            using var reader = cmd.ExecuteReader();
            return reader.Read()
                ? new DeviceClockState(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3))
                : null;
        }
    }

    /// <summary>Saves (durably, before returning) the device-clock mapping of the input <paramref name="source"/>.</summary>
    public void SaveClock(string source, DeviceClockState state)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "INSERT OR REPLACE INTO clock(source, offset_ms, extended_us, last_raw_us, host_epoch_us, written_at) " +
                "VALUES ($s, $o, $e, $r, $h, $w)";
            cmd.Parameters.AddWithValue("$s", source);
            cmd.Parameters.AddWithValue("$o", state.OffsetMillis);
            cmd.Parameters.AddWithValue("$e", state.Extended);
            cmd.Parameters.AddWithValue("$r", state.LastRaw);
            cmd.Parameters.AddWithValue("$h", state.HostEpochMicros);
            cmd.Parameters.AddWithValue("$w", Now());
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The number of journaled rejected triggers.</summary>
    public long RejectedCount()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM rejected";
            return (long)cmd.ExecuteScalar()!;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
