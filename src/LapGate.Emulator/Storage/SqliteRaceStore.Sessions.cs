using LapGate.Emulator.Race;
using Microsoft.Data.Sqlite;

namespace LapGate.Emulator.Storage;

// Reading sessions back (list, one session with its events) and their race timeline.
public sealed partial class SqliteRaceStore
{
    private const string SessionColumns = """
        SELECT s.id, s.created_at, s.state, r.mode, r.laps, r.duration_ms, r.started_at, r.ended_at, r.finish_reason, r.winner_id,
            r.min_lap_ms, r.max_lap_ms, r.kind, r.suspended_at, r.suspended_ms, r.track_id, r.countdown_ms, COALESCE(t.name, r.track_name)
        FROM sessions s LEFT JOIN session_races r ON r.session_id = s.id LEFT JOIN tracks t ON t.id = r.track_id
        """;

    public void SaveTimeline(long sessionId, RaceTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        using var upsert = _connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO session_races (session_id, mode, laps, duration_ms, started_at, ended_at, finish_reason, winner_id, min_lap_ms, max_lap_ms, kind, suspended_at, suspended_ms, track_id, countdown_ms)
            VALUES ($s, $mode, $laps, $duration, $started, $ended, $reason, $winner, $min, $max, $kind, $suspendedAt, $suspendedMs, $track, $countdown)
            ON CONFLICT(session_id) DO UPDATE SET mode = $mode, laps = $laps, duration_ms = $duration,
                started_at = $started, ended_at = $ended, finish_reason = $reason, winner_id = $winner,
                min_lap_ms = $min, max_lap_ms = $max, kind = $kind, suspended_at = $suspendedAt, suspended_ms = $suspendedMs, track_id = $track, countdown_ms = $countdown
            """;
        upsert.Parameters.AddWithValue("$s", sessionId);
        upsert.Parameters.AddWithValue("$mode", timeline.Setup.Mode);
        upsert.Parameters.AddWithValue("$laps", (object?)timeline.Setup.Laps ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$duration", (object?)timeline.Setup.DurationMs ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$started", timeline.StartedAt is { } started ? Format(started) : DBNull.Value);
        upsert.Parameters.AddWithValue("$ended", timeline.EndedAt is { } ended ? Format(ended) : DBNull.Value);
        upsert.Parameters.AddWithValue("$reason", (object?)timeline.FinishReason ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$winner", (object?)timeline.WinnerId ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$min", (object?)timeline.Setup.MinLapMs ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$max", (object?)timeline.Setup.MaxLapMs ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$kind", timeline.Setup.Kind);
        upsert.Parameters.AddWithValue("$suspendedAt", timeline.SuspendedAt is { } suspendedAt ? Format(suspendedAt) : DBNull.Value);
        upsert.Parameters.AddWithValue("$suspendedMs", timeline.SuspendedMs);
        upsert.Parameters.AddWithValue("$track", (object?)timeline.Setup.TrackId ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$countdown", (object?)timeline.Setup.CountdownMs ?? DBNull.Value);
        upsert.ExecuteNonQuery();
    }

    public IReadOnlyList<StoredSessionInfo> ListSessions()
    {
        using var query = _connection.CreateCommand();
        query.CommandText = SessionColumns + " ORDER BY s.id DESC";
        using var reader = query.ExecuteReader();
        var sessions = new List<StoredSessionInfo>();
        while (reader.Read())
        {
            sessions.Add(ReadInfo(reader));
        }
        return sessions;
    }

    public StoredSession? LoadSession(long sessionId)
    {
        StoredSessionInfo info;
        using (var query = _connection.CreateCommand())
        {
            query.CommandText = SessionColumns + " WHERE s.id = $s";
            query.Parameters.AddWithValue("$s", sessionId);
            using var reader = query.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            info = ReadInfo(reader);
        }

        var events = new List<StoredEvent>();
        using (var query = _connection.CreateCommand())
        {
            query.CommandText = "SELECT kind, controller_id, timestamp FROM events WHERE session_id = $s ORDER BY id";
            query.Parameters.AddWithValue("$s", sessionId);
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                if (Enum.TryParse<RaceEventKind>(reader.GetString(0), out var kind))
                {
                    events.Add(new StoredEvent(kind, reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
                }
            }
        }
        return new StoredSession(info.Id, info.State, events) { CreatedAt = info.CreatedAt, Timeline = info.Timeline, TrackName = info.TrackName };
    }

    private static StoredSessionInfo ReadInfo(SqliteDataReader reader)
    {
        var setup = reader.IsDBNull(3)
            ? RaceSetup.Open
            : new RaceSetup(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt64(5))
            {
                MinLapMs = reader.IsDBNull(10) ? null : reader.GetInt64(10),
                MaxLapMs = reader.IsDBNull(11) ? null : reader.GetInt64(11),
                Kind = reader.IsDBNull(12) ? RaceKinds.Race : reader.GetString(12),
                TrackId = reader.IsDBNull(15) ? null : reader.GetInt64(15),
                CountdownMs = reader.IsDBNull(16) ? null : reader.GetInt64(16),
            };
        var timeline = new RaceTimeline(
            setup,
            ParseOrNull(reader, 6),
            ParseOrNull(reader, 7),
            reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetInt32(9))
        {
            SuspendedAt = ParseOrNull(reader, 13),
            SuspendedMs = reader.IsDBNull(14) ? 0 : reader.GetInt64(14),
        };
        return new StoredSessionInfo(reader.GetInt64(0), Parse(reader.GetString(1)), RaceStates.FromApi(reader.GetString(2)), timeline)
        {
            TrackName = reader.IsDBNull(17) ? null : reader.GetString(17),
        };
    }

    private static DateTimeOffset? ParseOrNull(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Parse(reader.GetString(ordinal));

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
