using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// Opens the outbox and, when the file's <em>content</em> is damaged (not an SQLite database, corrupt pages, an
/// unreadable row), keeps the sensor running: the bad file (with its <c>-wal</c> and <c>-shm</c>) is renamed aside to
/// <c>NAME.bad-yyyyMMddTHHmmssZ</c> and a fresh outbox is started, so a restart does not meet the same file again
/// (no crash loop). The bad file is kept for inspection: events that were still undelivered in it are not sent.
/// An environment problem (a folder in the file's place, a read-only filesystem, a full disk, no permission, a file
/// of a newer LapGate) never moves anything: it is refused with <see cref="OutboxRefusedException"/>.
/// </summary>
public static class OutboxRecovery
{
    /// <summary>
    /// Opens <paramref name="path"/>, moving a damaged file aside first. Throws <see cref="OutboxRefusedException"/>
    /// when the outbox cannot be written, saying why and how to fix it.
    /// </summary>
    public static OutboxOpenResult OpenOrRecover(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var time = timeProvider ?? TimeProvider.System;
        if (OutboxProblem.Check(path) is { } environment)
        {
            throw Refused(environment, null);
        }
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
        catch (Exception ex) when (IsDamagedContent(ex) && File.Exists(path))
        {
            problem = Describe(ex);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw Refused(OutboxProblem.FromError(path, ex), ex);
        }
        SqliteConnection.ClearAllPools();
        var aside = MoveAside(path, time.GetUtcNow(), problem);
        try
        {
            return new OutboxOpenResult(SqliteOutbox.Open(path, time), aside, problem);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw Refused(OutboxProblem.FromError(path, ex), ex);
        }
    }

    // What a damaged file gives: NOTADB, CORRUPT, FORMAT, or a schema SQLite cannot use (ERROR, e.g. a table of
    // another shape). Never READONLY, CANTOPEN, IOERR, FULL, PERM, BUSY or LOCKED: those are the environment.
    private static bool IsDamagedContent(Exception ex) => ex switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 26 or 11 or 24 or 1,
        OutboxCorruptException => true,
        _ => false,
    };

    private static OutboxRefusedException Refused(OutboxProblem problem, Exception? inner) =>
        inner is null
            ? new OutboxRefusedException(problem.ToString()) { Problem = problem }
            : new OutboxRefusedException(problem.ToString(), inner) { Problem = problem };

    private static string Describe(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: 26 } => "not an SQLite database (file is not a database)",
        SqliteException { SqliteErrorCode: 11 } => "the database is corrupt (" + ex.Message + ")",
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
            File.Move(path, aside);
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
            var cause = OutboxProblem.FromError(path, ex);
            throw new OutboxRefusedException($"the outbox {path} is damaged ({problem}) and cannot be moved aside to {aside}: " +
                $"{cause.Cause}. {cause.Fix}", ex) { Problem = cause };
        }
        return aside;
    }
}
