using System.Text.RegularExpressions;
using LapGate.Sensor.Events;
using LapGate.Sensor.Timing;
using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Outbox;

// Writes: every change goes to memory first and is then written in one transaction; a failed write is kept and
// tried again with the next one, so the outbox never throws on a full disk or a read-only remount during a run.
public sealed partial class SqliteOutbox
{
    // All guarded by _gate. Unwritten events have the ids _events[0].Id .. _lastId, in order, without gaps.
    private readonly List<UnwrittenEvent> _events = [];
    private readonly Dictionary<long, string> _marks = [];
    private readonly List<(RejectedTrigger Rejected, string At)> _rejected = [];
    private readonly Dictionary<string, (DeviceClockState State, string At)> _clocks = new(StringComparer.Ordinal);
    private long _lastId;
    private OutboxProblem? _problem;

    /// <summary>
    /// Why the outbox cannot be written now, or null while every write reaches it. While not null, accepted events
    /// are numbered and kept in memory (and sent), and written with everything else once a write succeeds again.
    /// </summary>
    public OutboxProblem? Problem
    {
        get
        {
            lock (_gate)
            {
                return _problem;
            }
        }
    }

    /// <summary>Events accepted but not yet written to the file (kept in memory).</summary>
    public int Unwritten
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>The outbox stopped taking writes, its cause changed, or it takes them again. Raised outside the lock.</summary>
    public event EventHandler<OutboxDurabilityChange>? DurabilityChanged;

    /// <summary>
    /// Numbers the events in order and writes them in one transaction. Never throws for the disk: when the write
    /// fails they are kept in memory (see <see cref="Problem"/>) and returned numbered all the same.
    /// </summary>
    public IReadOnlyList<SensorEvent> Append(IReadOnlyList<SensorEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var result = new List<SensorEvent>(events.Count);
        OutboxDurabilityChange? change;
        lock (_gate)
        {
            var at = Now();
            foreach (var e in events)
            {
                var numbered = e with { Id = ++_lastId };
                _events.Add(new UnwrittenEvent(numbered, at));
                result.Add(numbered);
            }
            change = WriteBacklogLocked();
        }
        RaiseIfChanged(change);
        return result;
    }

    /// <summary>Marks events as delivered (confirmed); kept in memory while the file cannot be written.</summary>
    public void MarkDelivered(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }
        OutboxDurabilityChange? change;
        lock (_gate)
        {
            var at = Now();
            var first = _events.Count > 0 ? _events[0].Event.Id : long.MaxValue;
            foreach (var id in ids)
            {
                if (id >= first && id - first < _events.Count)
                {
                    _events[(int)(id - first)].DeliveredAt ??= at;
                }
                else
                {
                    _marks.TryAdd(id, at);
                }
            }
            change = WriteBacklogLocked();
        }
        RaiseIfChanged(change);
    }

    /// <summary>Journals a rejected trigger. Committed, not flushed: a power cut may lose the latest rejections.</summary>
    public void Reject(RejectedTrigger rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        OutboxDurabilityChange? change;
        lock (_gate)
        {
            _rejected.Add((rejected, Now()));
            change = WriteBacklogLocked();
        }
        RaiseIfChanged(change);
    }

    /// <summary>
    /// Saves the device-clock mapping of the input <paramref name="source"/>; with <paramref name="flush"/>
    /// durably before returning (a new mapping) when the file can be written. Without, it is committed before the
    /// events stamped with it and becomes durable with them at the batch's <see cref="FlushToDisk"/>. Throws
    /// <see cref="IOException"/> when the flush fails.
    /// </summary>
    public void SaveClock(string source, DeviceClockState state, bool flush = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(state);
        OutboxDurabilityChange? change;
        bool written;
        lock (_gate)
        {
            _clocks[source] = (state, Now());
            change = WriteBacklogLocked();
            written = _problem is null;
        }
        RaiseIfChanged(change);
        if (flush && written)
        {
            FlushToDisk();
        }
    }

    /// <summary>Writes everything waiting in one transaction; on failure keeps it and records the problem. Returns a change to raise, or null.</summary>
    private OutboxDurabilityChange? WriteBacklogLocked()
    {
        if (_events.Count == 0 && _marks.Count == 0 && _rejected.Count == 0 && _clocks.Count == 0)
        {
            return null;
        }
        try
        {
            Execute(_connection, "BEGIN IMMEDIATE");
            try
            {
                WriteClocks();
                WriteEvents();
                WriteMarks();
                WriteRejected();
                Execute(_connection, "COMMIT");
            }
            catch
            {
                TryRollback();
                throw;
            }
        }
        catch (Exception ex) when (ex is SqliteException or IOException)
        {
            var problem = OutboxProblem.FromError(Path, ex);
            var changed = _problem is null || _problem.Cause != problem.Cause;
            _problem = problem;
            return changed ? new OutboxDurabilityChange(problem, _events.Count, 0) : null;
        }
        var written = _events.Count;
        if (written > 0)
        {
            _committedThrough = Math.Max(_committedThrough, _events[^1].Event.Id);
        }
        _events.Clear();
        _marks.Clear();
        _rejected.Clear();
        _clocks.Clear();
        if (_problem is null)
        {
            return null;
        }
        _problem = null;
        return new OutboxDurabilityChange(null, 0, written);
    }

    private void WriteEvents() => WriteRows(_events,
        "INSERT INTO events(id, kind, lane, timestamp_ms, pin, written_at, delivered_at) VALUES ($id, $k, $l, $t, $p, $w, $d)",
        u => [u.Event.Id, u.Event.Kind.ToString(), u.Event.Lane, u.Event.TimestampMs, u.Event.Pin, u.WrittenAt, u.DeliveredAt]);

    private void WriteMarks() => WriteRows(_marks,
        "UPDATE events SET delivered_at = $w WHERE id = $id AND delivered_at IS NULL",
        mark => [mark.Value, mark.Key]);

    private void WriteRejected() => WriteRows(_rejected,
        "INSERT INTO rejected(pin, lane, timestamp_ms, reason, detail, line, written_at) VALUES ($p, $l, $t, $r, $d, $n, $w)",
        r => [r.Rejected.Pin, r.Rejected.Lane, r.Rejected.TimestampMs, r.Rejected.Reason.ToString(), r.Rejected.Detail, r.Rejected.Line, r.At]);

    private void WriteClocks() => WriteRows(_clocks,
        "INSERT OR REPLACE INTO clock(source, offset_ms, extended_us, last_raw_us, host_epoch_us, written_at) VALUES ($s, $o, $e, $r, $h, $w)",
        c => [c.Key, c.Value.State.OffsetMillis, c.Value.State.Extended, c.Value.State.LastRaw, c.Value.State.HostEpochMicros, c.Value.At]);

    /// <summary>
    /// Runs <paramref name="sql"/> once for each row, on one command: its <c>$name</c> parameters, in the order they
    /// appear, take the values <paramref name="values"/> gives for the row (a null is written as NULL).
    /// </summary>
    private void WriteRows<T>(IReadOnlyCollection<T> rows, string sql, Func<T, object?[]> values)
    {
        if (rows.Count == 0)
        {
            return;
        }
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        var parameters = ParameterName().Matches(sql).Select(m => cmd.Parameters.Add(new SqliteParameter { ParameterName = m.Value })).ToArray();
        foreach (var row in rows)
        {
            var value = values(row);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = value[i] ?? DBNull.Value;
            }
            cmd.ExecuteNonQuery();
        }
    }

    [GeneratedRegex(@"\$\w+", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();

    private void TryRollback()
    {
        try
        {
            Execute(_connection, "ROLLBACK");
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (it does after some errors, e.g. a full disk): nothing is left open.
        }
    }

    private void RaiseIfChanged(OutboxDurabilityChange? change)
    {
        if (change is not null)
        {
            DurabilityChanged?.Invoke(this, change);
        }
    }

    private sealed class UnwrittenEvent(SensorEvent value, string writtenAt)
    {
        public SensorEvent Event { get; } = value;

        public string WrittenAt { get; } = writtenAt;

        public string? DeliveredAt { get; set; }
    }
}
