using LapGate.Emulator.Tracks;
using Microsoft.Data.Sqlite;

namespace LapGate.Emulator.Storage;

// Tracks with their records, and the managed drivers.
public sealed partial class SqliteRaceStore
{
    public IReadOnlyList<Track> ListTracks()
    {
        using var query = _connection.CreateCommand();
        query.CommandText = """
            SELECT t.id, t.name, t.min_lap_ms, t.max_lap_ms, r.lap_ms, r.controller_id, r.driver, r.car, r.set_at, r.session_id
            FROM tracks t LEFT JOIN track_records r ON r.track_id = t.id ORDER BY t.name
            """;
        using var reader = query.ExecuteReader();
        var tracks = new List<Track>();
        while (reader.Read())
        {
            var record = reader.IsDBNull(4) ? null : new TrackRecord(
                reader.GetInt64(4), reader.GetInt32(5), NullableText(reader, 6), NullableText(reader, 7), Parse(reader.GetString(8)), reader.GetInt64(9));
            tracks.Add(new Track(reader.GetInt64(0), reader.GetString(1), NullableLong(reader, 2), NullableLong(reader, 3), record));
        }
        return tracks;
    }

    public long SaveTrack(TrackInput track)
    {
        ArgumentNullException.ThrowIfNull(track);
        using var command = _connection.CreateCommand();
        command.CommandText = track.Id is null
            ? "INSERT INTO tracks (name, min_lap_ms, max_lap_ms) VALUES ($name, $min, $max); SELECT last_insert_rowid();"
            : "UPDATE tracks SET name = $name, min_lap_ms = $min, max_lap_ms = $max WHERE id = $id; SELECT CASE WHEN changes() > 0 THEN $id END;";
        command.Parameters.AddWithValue("$id", (object?)track.Id ?? DBNull.Value);
        command.Parameters.AddWithValue("$name", track.Name!.Trim());
        command.Parameters.AddWithValue("$min", (object?)track.MinLapMs ?? DBNull.Value);
        command.Parameters.AddWithValue("$max", (object?)track.MaxLapMs ?? DBNull.Value);
        return command.ExecuteScalar() is long id ? id : 0;
    }

    public bool DeleteTrack(long trackId)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        // The sessions driven on it keep its name (a tombstone of one column); track ids are never reused (AUTOINCREMENT).
        command.CommandText = """
            UPDATE session_races SET track_name = (SELECT name FROM tracks WHERE id = $t) WHERE track_id = $t;
            DELETE FROM track_records WHERE track_id = $t;
            DELETE FROM tracks WHERE id = $t;
            SELECT changes();
            """;
        command.Parameters.AddWithValue("$t", trackId);
        var deleted = command.ExecuteScalar() is long n && n > 0;
        transaction.Commit();
        return deleted;
    }

    public bool OfferRecord(long trackId, TrackRecord candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO track_records (track_id, lap_ms, controller_id, driver, car, set_at, session_id)
            SELECT $t, $lap, $c, $driver, $car, $at, $s WHERE EXISTS (SELECT 1 FROM tracks WHERE id = $t)
            ON CONFLICT(track_id) DO UPDATE SET lap_ms = $lap, controller_id = $c, driver = $driver, car = $car, set_at = $at, session_id = $s
                WHERE excluded.lap_ms < track_records.lap_ms
            """;
        command.Parameters.AddWithValue("$t", trackId);
        command.Parameters.AddWithValue("$lap", candidate.LapMs);
        command.Parameters.AddWithValue("$c", candidate.ControllerId);
        command.Parameters.AddWithValue("$driver", (object?)candidate.Driver ?? DBNull.Value);
        command.Parameters.AddWithValue("$car", (object?)candidate.Car ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", Format(candidate.SetAt));
        command.Parameters.AddWithValue("$s", candidate.Session);
        return command.ExecuteNonQuery() > 0;
    }

    public IReadOnlyList<ManagedDriver> LoadDrivers()
    {
        using var query = _connection.CreateCommand();
        query.CommandText = "SELECT controller_id, driver, car, color, background_color FROM drivers ORDER BY controller_id";
        using var reader = query.ExecuteReader();
        var drivers = new List<ManagedDriver>();
        while (reader.Read())
        {
            drivers.Add(new ManagedDriver(reader.GetInt32(0), NullableText(reader, 1), NullableText(reader, 2), NullableText(reader, 3), NullableText(reader, 4)));
        }
        return drivers;
    }

    public void SaveDrivers(IReadOnlyList<ManagedDriver> drivers)
    {
        ArgumentNullException.ThrowIfNull(drivers);
        using var transaction = _connection.BeginTransaction();
        using (var clear = _connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM drivers";
            clear.ExecuteNonQuery();
        }
        foreach (var d in drivers)
        {
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO drivers (controller_id, driver, car, color, background_color) VALUES ($c, $d, $car, $color, $bg)";
            insert.Parameters.AddWithValue("$c", d.ControllerId);
            insert.Parameters.AddWithValue("$d", (object?)d.Driver ?? DBNull.Value);
            insert.Parameters.AddWithValue("$car", (object?)d.Car ?? DBNull.Value);
            insert.Parameters.AddWithValue("$color", (object?)d.Color ?? DBNull.Value);
            insert.Parameters.AddWithValue("$bg", (object?)d.BackgroundColor ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static string? NullableText(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static long? NullableLong(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
