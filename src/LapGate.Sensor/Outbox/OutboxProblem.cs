using Microsoft.Data.Sqlite;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// Why the outbox cannot be written, in plain words: the cause and how to fix it. An environment problem (the
/// disk, the mount, the permissions, a folder in the file's place) and never damaged content: nothing is moved
/// aside for it.
/// </summary>
/// <param name="Path">The outbox file.</param>
/// <param name="Kind">The cause, as a kind.</param>
/// <param name="Cause">The cause in words, e.g. "the filesystem is read-only".</param>
/// <param name="Fix">What to do about it.</param>
public sealed record OutboxProblem(string Path, OutboxProblemKind Kind, string Cause, string Fix)
{
    // errno values as .NET reports them in IOException.HResult on Linux.
    private const int ENOSPC = 28;
    private const int EROFS = 30;
    private const int EDQUOT = 122;

    /// <summary>"cannot write the outbox PATH: CAUSE. FIX".</summary>
    public override string ToString() => Kind == OutboxProblemKind.Folder
        ? $"the outbox {Path} is a folder, not a file. {Fix}."
        : $"cannot write the outbox {Path}: {Cause}. {Fix}.";

    /// <summary>The outbox path names an existing folder.</summary>
    public static OutboxProblem Folder(string path) => new(path, OutboxProblemKind.Folder, "it is a folder",
        $"Give the outbox a file path, e.g. {System.IO.Path.Combine(path, "outbox.db")}; the folder is left as it is");

    /// <summary>The file was written by a newer LapGate.</summary>
    public static OutboxProblem NewerSchema(string path, long version, long known) => new(path, OutboxProblemKind.NewerSchema,
        $"it was written by a newer LapGate (outbox schema version {version}; this one knows up to {known})",
        "Run that newer LapGate, or choose another outbox path; the file is left as it is");

    /// <summary>
    /// Names the environment problem behind <paramref name="error"/> (from SQLite or the file system), looking at
    /// the file and its folder again when SQLite's code alone does not tell (read-only file or read-only mount).
    /// </summary>
    public static OutboxProblem FromError(string path, Exception error)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(error);
        if (Directory.Exists(path))
        {
            return Folder(path);
        }
        return error switch
        {
            SqliteException { SqliteErrorCode: 13 } => NoSpace(path),
            IOException io when Of(io) is { } kind => kind(path),
            UnauthorizedAccessException => Permission(path),
            SqliteException => Probe(path) ?? Other(path, SqliteText(error)),
            _ => Probe(path) ?? Other(path, error.Message),
        };
    }

    private static Func<string, OutboxProblem>? Of(IOException io) => io.HResult switch
    {
        ENOSPC or EDQUOT => NoSpace,
        EROFS => ReadOnly,
        _ => null,
    };

    private static OutboxProblem NoSpace(string path) => new(path, OutboxProblemKind.NoSpace, "no space left on the device",
        "Free some space on that disk (or choose an outbox on another one)");

    private static OutboxProblem ReadOnly(string path) => new(path, OutboxProblemKind.ReadOnlyFilesystem, "the filesystem is read-only",
        $"Remount it read-write (sudo mount -o remount,rw {MountHint(path)}) or choose an outbox on a writable disk");

    private static OutboxProblem Permission(string path) => new(path, OutboxProblemKind.Permission,
        $"permission denied for user {Environment.UserName}",
        $"Let that user write the file and its folder (sudo chown {Environment.UserName} {path} {FolderOf(path)}; a file marked " +
        "immutable needs sudo chattr -i), or choose another outbox path");

    private static OutboxProblem Other(string path, string cause) => new(path, OutboxProblemKind.Other, cause,
        "Check the disk (dmesg shows I/O errors), or choose an outbox on another disk");

    /// <summary>
    /// What stops the outbox at <paramref name="path"/> from being written, or null: a folder in its place, or the
    /// file or its folder refusing a write (read-only filesystem, no space, no permission). Opens the file for
    /// writing (without changing it) and writes a 4 KiB probe file beside it, deleted at once.
    /// </summary>
    public static OutboxProblem? Check(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Directory.Exists(path) ? Folder(path) : Probe(path);
    }

    /// <summary>Opens the file (when it exists) and a probe file in its folder for writing, to learn what the OS says.</summary>
    private static OutboxProblem? Probe(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            }
            var probe = System.IO.Path.Combine(FolderOf(path), $".lapgate-probe-{Environment.ProcessId}");
            using (var handle = File.OpenHandle(probe, FileMode.Create, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose))
            {
                RandomAccess.Write(handle, new byte[4096], 0);
            }
            return null;
        }
        catch (IOException io) when (Of(io) is { } kind)
        {
            return kind(path);
        }
        catch (UnauthorizedAccessException)
        {
            return Permission(path);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string SqliteText(Exception error) =>
        error.Message.StartsWith("SQLite Error", StringComparison.Ordinal) && error.Message.IndexOf(": '", StringComparison.Ordinal) is var at and > 0
            ? error.Message[(at + 3)..].TrimEnd('\'', '.')
            : error.Message;

    private static string FolderOf(string path) =>
        System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) is { Length: > 0 } folder ? folder : "/";

    private static string MountHint(string path)
    {
        // The mount point holding the outbox, from /proc/self/mounts when readable; the folder otherwise.
        var folder = FolderOf(path);
        try
        {
            var best = "/";
            foreach (var line in File.ReadLines("/proc/self/mounts"))
            {
                var fields = line.Split(' ');
                if (fields.Length > 1 && (folder == fields[1] || folder.StartsWith(fields[1].TrimEnd('/') + "/", StringComparison.Ordinal))
                    && fields[1].Length > best.Length)
                {
                    best = fields[1];
                }
            }
            return best;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return folder;
        }
    }
}
