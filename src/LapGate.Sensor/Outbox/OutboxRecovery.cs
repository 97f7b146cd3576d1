using System.Globalization;
using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// Opens the outbox and, when its file is corrupt or unreadable, keeps the sensor running: the bad file (with
/// its <c>-wal</c> and <c>-shm</c>) is renamed aside to <c>NAME.bad-yyyyMMddTHHmmssZ</c> and a fresh outbox is
/// started, so a restart does not meet the same file again (no crash loop). The bad file is kept for inspection:
/// events that were still undelivered in it are not sent.
/// </summary>
public static class OutboxRecovery
{
    /// <summary>Opens <paramref name="path"/>, moving an unusable file aside first. Throws when even a fresh outbox cannot be created.</summary>
    public static OutboxOpenResult OpenOrRecover(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var time = timeProvider ?? TimeProvider.System;
        string problem;
        try
        {
            var outbox = SqliteOutbox.Open(path, time);
            try
            {
                outbox.Verify();
                return new OutboxOpenResult(outbox, null, null);
            }
            catch
            {
                outbox.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (IsUnusableFile(ex) && (File.Exists(path) || Directory.Exists(path)))
        {
            problem = Describe(ex);
        }
        SqliteConnection.ClearAllPools();
        var aside = MoveAside(path, time.GetUtcNow(), problem);
        return new OutboxOpenResult(SqliteOutbox.Open(path, time), aside, problem);
    }

    // Not BUSY/LOCKED (another sensor holds the file: it must not be moved away under it) nor FULL (the disk).
    private static bool IsUnusableFile(Exception ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 1 or 3 or 8 or 10 or 11 or 14 or 26,
        OutboxCorruptException or UnauthorizedAccessException => true,
        _ => false,
    };

    private static string Describe(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: 26 } => "not an SQLite database (file is not a database)",
        SqliteException { SqliteErrorCode: 11 } => "the database is corrupt (" + ex.Message + ")",
        SqliteException { SqliteErrorCode: 14 } => "cannot open the file (" + ex.Message + ")",
        _ => ex.Message,
    };

    private static string MoveAside(string path, DateTimeOffset now, string problem)
    {
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var aside = path + ".bad-" + stamp;
        for (var n = 2; File.Exists(aside) || Directory.Exists(aside); n++)
        {
            aside = path + ".bad-" + stamp + "-" + n.ToString(CultureInfo.InvariantCulture);
        }
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Move(path, aside);
            }
            else
            {
                File.Move(path, aside);
            }
            foreach (var suffix in (string[])["-wal", "-shm"])
            {
                if (File.Exists(path + suffix))
                {
                    File.Move(path + suffix, aside + suffix);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"the outbox {path} is unusable ({problem}) and cannot be moved aside to {aside}: {ex.Message}", ex);
        }
        return aside;
    }
}
