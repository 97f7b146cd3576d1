namespace LapGate.Storage;

/// <summary>
/// One process per file: an exclusive lock on a lock file (such as <c>outbox.db.lock</c> beside the file it guards),
/// held until disposed. It is a POSIX record lock (<c>fcntl</c>, taken with <see cref="FileStream.Lock"/>), so the kernel
/// drops it when the process ends in any way, SIGKILL included; a stale lock file never blocks a start. The file holds
/// the holder's pid, for the message of the one refused. It is never deleted (deleting a lock file lets two processes
/// lock two different files). Within one process a second lock on the same file is refused too (POSIX locks are per
/// process, so that case is checked here).
/// </summary>
public sealed class ExclusiveFileLock : IDisposable
{
    private static readonly HashSet<string> HeldHere = [];
    private readonly FileStream _file;
    private readonly string _key;

    private ExclusiveFileLock(FileStream file, string key)
    {
        _file = file;
        _key = key;
    }

    /// <summary>The lock file that guards <paramref name="path"/>: <c>PATH.lock</c>.</summary>
    public static string PathFor(string path) => path + ".lock";

    /// <summary>
    /// Takes the lock on <paramref name="lockPath"/>, creating its folder when missing. Throws <see cref="FileLockedException"/>
    /// at once when another process (or this one) holds it; <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>
    /// when the lock file cannot be created or opened.
    /// </summary>
    public static ExclusiveFileLock Acquire(string lockPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockPath);
        var key = Path.GetFullPath(lockPath);
        lock (HeldHere)
        {
            if (!HeldHere.Add(key))
            {
                throw new FileLockedException(lockPath, Environment.ProcessId);
            }
        }
        try
        {
            return new ExclusiveFileLock(Open(lockPath), key);
        }
        catch
        {
            lock (HeldHere)
            {
                HeldHere.Remove(key);
            }
            throw;
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        lock (HeldHere)
        {
            HeldHere.Remove(_key);
        }
    }

    private static FileStream Open(string lockPath)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(lockPath)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
        var file = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        try
        {
            if (OperatingSystem.IsMacOS())
            {
                // FileStream.Lock is not offered there; .NET's own flock for FileShare.None is.
                file.Dispose();
                file = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            else
            {
                file.Lock(0, 0);
            }
        }
        catch (IOException ex)
        {
            var holder = ReadPid(file);
            file.Dispose();
            throw new FileLockedException(lockPath, holder, ex);
        }
        try
        {
            var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
            file.SetLength(0);
            file.Write(pid);
            file.Flush();
        }
        catch (IOException)
        {
            // A full disk: the lock holds all the same; only the pid in the message of a second process is missing.
        }
        return file;
    }

    private static int? ReadPid(FileStream file)
    {
        try
        {
            var buffer = new byte[32];
            var read = RandomAccess.Read(file.SafeFileHandle, buffer, 0);
            return int.TryParse(Encoding.ASCII.GetString(buffer, 0, read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            return null;
        }
    }
}
