using System.Globalization;
using System.Text;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// One sensor per outbox: an exclusive lock on <c>OUTBOX.lock</c> (beside the outbox), held for the whole run. It is
/// a POSIX record lock (<c>fcntl</c>, taken with <see cref="FileStream.Lock"/>), so the kernel drops it when the
/// process ends in any way, SIGKILL included; a stale file never blocks a start. The file holds the holder's pid,
/// for the message. It is never deleted (deleting a lock file lets two processes lock two different files). Within
/// one process a second lock on the same outbox is refused too (POSIX locks are per process).
/// </summary>
public sealed class OutboxLock : IDisposable
{
    private static readonly HashSet<string> HeldHere = [];
    private readonly FileStream _file;
    private readonly string _key;

    private OutboxLock(FileStream file, string key)
    {
        _file = file;
        _key = key;
    }

    /// <summary>The lock file of the outbox at <paramref name="outboxPath"/>.</summary>
    public static string PathFor(string outboxPath) => outboxPath + ".lock";

    /// <summary>
    /// Takes the lock (creating the outbox's folder when missing). Throws <see cref="OutboxRefusedException"/> at once
    /// when another sensor holds it, or when the lock file cannot be written (the message names the cause and fix).
    /// </summary>
    public static OutboxLock Acquire(string outboxPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(outboxPath);
        var key = Path.GetFullPath(outboxPath);
        lock (HeldHere)
        {
            if (!HeldHere.Add(key))
            {
                throw InUse(outboxPath, Environment.ProcessId);
            }
        }
        try
        {
            return new OutboxLock(Open(outboxPath), key);
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

    private static FileStream Open(string outboxPath)
    {
        FileStream file;
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(outboxPath)) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
            file = new FileStream(PathFor(outboxPath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = OutboxProblem.FromError(outboxPath, ex);
            throw new OutboxRefusedException(problem.ToString(), ex) { Problem = problem };
        }
        try
        {
            if (OperatingSystem.IsMacOS())
            {
                // FileStream.Lock is not offered there; .NET's own flock for FileShare.None is.
                file.Dispose();
                file = new FileStream(PathFor(outboxPath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
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
            throw InUse(outboxPath, holder, ex);
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
            // A full disk: the lock holds all the same; only the pid in the message of a second sensor is missing.
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

    private static OutboxRefusedException InUse(string outboxPath, int? pid, Exception? inner = null)
    {
        var message = $"outbox {outboxPath} is in use by another lapgate sensor" +
            (pid is { } p ? string.Create(CultureInfo.InvariantCulture, $" (pid {p})") : "");
        return inner is null ? new OutboxRefusedException(message) : new OutboxRefusedException(message, inner);
    }
}
