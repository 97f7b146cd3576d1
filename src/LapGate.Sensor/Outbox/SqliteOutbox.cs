using System.Globalization;
using LapGate.Sensor.Pipeline;
using LapGate.Sensor.Timing;
using Microsoft.Data.Sqlite;
using Microsoft.Win32.SafeHandles;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// The outbox and journal in one SQLite file (WAL, <c>synchronous=NORMAL</c>). A commit (<see cref="Append"/>,
/// <see cref="MarkDelivered"/>, ...) writes the WAL without an fsync: the data is then in the OS page cache,
/// which survives a crash or SIGKILL of the process but not a power cut. <see cref="FlushToDisk"/> makes
/// everything committed so far durable (one fsync of the <c>-wal</c> file) and advances
/// <see cref="DurableThrough"/>. The sensor sends an event's frame after its commit and before its flush:
/// an event is lost in a power cut only if the cut comes before its fsync completed, whichever of the send and
/// the fsync goes first, so sending first only adds a chance that the app already has it (and the app may
/// then hold a lap the journal lacks; nothing is re-sent for it, nothing doubles).
/// Delivered events stay in the journal with their delivery time.
/// </summary>
public sealed class SqliteOutbox : IOutbox
{
    private readonly SqliteConnection _connection;
    private readonly SafeFileHandle _syncFile;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    // The highest event id committed (guarded by _gate) and the highest known flushed to disk (Interlocked).
    private long _committedThrough;
    private long _durableThrough;

    private SqliteOutbox(SqliteConnection connection, SafeFileHandle syncFile, long committedThrough, TimeProvider time)
    {
        _connection = connection;
        _syncFile = syncFile;
        _committedThrough = committedThrough;
        _time = time;
    }

    /// <summary>The file path.</summary>
    public string Path { get; private init; } = "";

    /// <summary>
    /// The highest event id known to be on disk (fsynced): every event with an id up to it survives a power
    /// cut. Events from earlier runs count from <see cref="Open"/> on (it flushes once).
    /// </summary>
    public long DurableThrough => Interlocked.Read(ref _durableThrough);

    /// <summary>Called after a flush chose what it claims and before its fsync. For tests.</summary>
    internal Action? FlushStarting { get; set; }

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
                PRAGMA synchronous=NORMAL;
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
        SafeFileHandle? syncFile = null;
        try
        {
            long committed;
            using (var max = connection.CreateCommand())
            {
                max.CommandText = "SELECT COALESCE(MAX(id), 0) FROM events";
                committed = (long)max.ExecuteScalar()!;
            }
            syncFile = OpenSyncFile(path);
            var outbox = new SqliteOutbox(connection, syncFile, committed, timeProvider ?? TimeProvider.System) { Path = path };
            outbox.FlushToDisk();
            return outbox;
        }
        catch
        {
            connection.Dispose();
            syncFile?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes every commit made before this call durable: one fsync of the <c>-wal</c> file, where WAL mode
    /// writes commits (with <c>synchronous=NORMAL</c>, SQLite itself syncs the WAL and then the database file
    /// around each checkpoint, so what was checkpointed is already on disk). Does not hold the outbox lock
    /// during the fsync: appends and deliveries go on meanwhile, and are claimed by the next flush, not this
    /// one. Returns <see cref="DurableThrough"/>. Throws <see cref="IOException"/> when the disk reports an error.
    /// </summary>
    public long FlushToDisk()
    {
        long claim;
        lock (_gate)
        {
            claim = _committedThrough;
        }
        FlushStarting?.Invoke();
        RandomAccess.FlushToDisk(_syncFile);
        var seen = Interlocked.Read(ref _durableThrough);
        while (claim > seen)
        {
            var previous = Interlocked.CompareExchange(ref _durableThrough, claim, seen);
            if (previous == seen)
            {
                return claim;
            }
            seen = previous;
        }
        return seen;
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
            if (result.Count > 0)
            {
                _committedThrough = Math.Max(_committedThrough, result[^1].Id);
            }
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

    /// <summary>Journals a rejected trigger. Committed, not flushed: a power cut may lose the latest rejections.</summary>
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

    /// <summary>
    /// Saves the device-clock mapping of the input <paramref name="source"/>; with <paramref name="flush"/>
    /// durably before returning (a new mapping). Without, it is committed before the events stamped with it and
    /// becomes durable with them at the batch's <see cref="FlushToDisk"/>. Throws <see cref="IOException"/> when
    /// the flush fails.
    /// </summary>
    public void SaveClock(string source, DeviceClockState state, bool flush = true)
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
        if (flush)
        {
            FlushToDisk();
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

    /// <summary>The number of events confirmed delivered at or after <paramref name="since"/>.</summary>
    public int DeliveredSince(DateTimeOffset since)
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            // delivered_at is UTC in the round-trip form, so text order is time order.
            cmd.CommandText = "SELECT COUNT(*) FROM events WHERE delivered_at >= $since";
            cmd.Parameters.AddWithValue("$since", since.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            return (int)(long)cmd.ExecuteScalar()!;
        }
    }

    /// <summary>Closes the connection (SQLite checkpoints the WAL into the database, synced), then the flush handle.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
        _syncFile.Dispose();
    }

    private string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// The handle <see cref="FlushToDisk"/> syncs, opened once, right after the connection, and closed after it:
    /// the <c>-wal</c> file, which SQLite creates when the connection starts and removes only when the last
    /// connection closes; the database file if there is no <c>-wal</c> (WAL mode unavailable). One long-lived
    /// handle because closing any descriptor of a file drops every POSIX lock the process holds on that file
    /// (SQLite locks the database and <c>-shm</c> files, not the <c>-wal</c>; one handle is also cheaper).
    /// </summary>
    private static SafeFileHandle OpenSyncFile(string path)
    {
        var wal = path + "-wal";
        return File.OpenHandle(File.Exists(wal) ? wal : path, FileMode.Open, FileAccess.ReadWrite,
            FileShare.ReadWrite | FileShare.Delete);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
