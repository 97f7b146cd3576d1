using LapGate.Sensor.Events;
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
/// Delivered events stay in the journal with their delivery time. A write that fails during a run (a full disk,
/// a read-only remount) never throws: see <see cref="Problem"/> (partial file <c>SqliteOutbox.Writes.cs</c>).
/// </summary>
public sealed partial class SqliteOutbox : IOutbox
{
    private readonly SqliteConnection _connection;
    private readonly SafeFileHandle _syncFile;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    // The highest event id in the file (guarded by _gate) and the highest known flushed to disk (Interlocked).
    private long _committedThrough;
    private long _durableThrough;

    private SqliteOutbox(SqliteConnection connection, SafeFileHandle syncFile, long committedThrough, TimeProvider time)
    {
        _connection = connection;
        _syncFile = syncFile;
        _committedThrough = committedThrough;
        _lastId = committedThrough;
        _time = time;
    }

    /// <summary>The file path.</summary>
    public string Path { get; private init; } = "";

    /// <summary>
    /// The highest event id known to be on disk (fsynced): every event with an id up to it survives a power
    /// cut. Events from earlier runs count from <see cref="Open(string, TimeProvider?)"/> on (it flushes once).
    /// </summary>
    public long DurableThrough => Interlocked.Read(ref _durableThrough);

    /// <summary>Called after a flush chose what it claims and before its fsync. For tests.</summary>
    internal Action? FlushStarting { get; set; }

    /// <summary>
    /// Opens (creating when missing, with its folder) the outbox at <paramref name="path"/>, upgrades its schema
    /// (<see cref="OutboxSchema"/>) and checks that it can be written. Throws <see cref="OutboxRefusedException"/>
    /// for a file of a newer LapGate, <see cref="SqliteException"/> or <see cref="IOException"/> otherwise.
    /// </summary>
    public static SqliteOutbox Open(string path, TimeProvider? timeProvider = null) => Open(path, timeProvider, null);

    internal static SqliteOutbox Open(string path, TimeProvider? timeProvider, IReadOnlyList<string>? migrations)
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
        SafeFileHandle? syncFile = null;
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            OutboxSchema.Upgrade(connection, path, migrations);
            long committed;
            using (var max = connection.CreateCommand())
            {
                max.CommandText = "SELECT MAX(COALESCE((SELECT MAX(id) FROM events), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0))";
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
    /// around each checkpoint, so what was checkpointed is already on disk). Writes that failed earlier are tried
    /// again first. Does not hold the outbox lock during the fsync: appends and deliveries go on meanwhile, and are
    /// claimed by the next flush, not this one. Returns <see cref="DurableThrough"/>. Throws <see cref="IOException"/>
    /// when the disk reports an error.
    /// </summary>
    public long FlushToDisk()
    {
        long claim;
        OutboxDurabilityChange? changed;
        lock (_gate)
        {
            changed = WriteBacklogLocked();
            claim = _committedThrough;
        }
        RaiseIfChanged(changed);
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

    /// <summary>Every event not yet confirmed, oldest first: those in the file and those still waiting to be written.</summary>
    public IReadOnlyList<SensorEvent> Pending()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT id, kind, lane, timestamp_ms, pin FROM events WHERE delivered_at IS NULL ORDER BY id";
            var result = new List<SensorEvent>();
            using (var reader = cmd.ExecuteReader())
            {
                while (reader.Read())
                {
                    var kind = Enum.Parse<EventKind>(reader.GetString(1));
                    var e = new SensorEvent(reader.GetInt64(0), kind, reader.GetInt32(2), reader.GetInt64(3), reader.GetInt32(4));
                    if (!_marks.ContainsKey(e.Id))
                    {
                        result.Add(e);
                    }
                }
            }
            result.AddRange(_events.Where(w => w.DeliveredAt is null).Select(w => w.Event));
            return result;
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
            if (_clocks.TryGetValue(source, out var unwritten))
            {
                return unwritten.State;
            }
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT offset_ms, extended_us, last_raw_us, host_epoch_us FROM clock WHERE source = $s";
            cmd.Parameters.AddWithValue("$s", source);
            using var reader = cmd.ExecuteReader();
            return reader.Read()
                ? new DeviceClockState(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3))
                : null;
        }
    }

    /// <summary>The number of journaled rejected triggers (those waiting to be written included).</summary>
    public long RejectedCount()
    {
        lock (_gate)
        {
            using var cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM rejected";
            return (long)cmd.ExecuteScalar()! + _rejected.Count;
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

    /// <summary>
    /// Tries once more to write what is waiting, then closes the connection (SQLite checkpoints the WAL into the
    /// database, synced) and the flush handle. What still cannot be written is lost; see <see cref="Unwritten"/> before.
    /// </summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _ = WriteBacklogLocked();
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
