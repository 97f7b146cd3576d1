using LapGate.Storage;

namespace LapGate.Sensor.Outbox;

/// <summary>
/// One sensor per outbox: the <see cref="ExclusiveFileLock"/> on <c>OUTBOX.lock</c> (beside the outbox), held for the
/// whole run. The kernel drops it when the process ends in any way, SIGKILL included; a stale file never blocks a
/// start. This class only turns its failures into the sensor's words (<see cref="OutboxRefusedException"/>).
/// </summary>
public sealed class OutboxLock : IDisposable
{
    private readonly ExclusiveFileLock _lock;

    private OutboxLock(ExclusiveFileLock held)
    {
        _lock = held;
    }

    /// <summary>The lock file of the outbox at <paramref name="outboxPath"/>.</summary>
    public static string PathFor(string outboxPath) => ExclusiveFileLock.PathFor(outboxPath);

    /// <summary>
    /// Takes the lock (creating the outbox's folder when missing). Throws <see cref="OutboxRefusedException"/> at once
    /// when another sensor holds it, or when the lock file cannot be written (the message names the cause and fix).
    /// </summary>
    public static OutboxLock Acquire(string outboxPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(outboxPath);
        try
        {
            return new OutboxLock(ExclusiveFileLock.Acquire(PathFor(outboxPath)));
        }
        catch (FileLockedException ex)
        {
            var message = $"outbox {outboxPath} is in use by another lapgate sensor" +
                (ex.HolderPid is { } pid ? string.Create(CultureInfo.InvariantCulture, $" (pid {pid})") : "");
            throw new OutboxRefusedException(message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = OutboxProblem.FromError(outboxPath, ex);
            throw new OutboxRefusedException(problem.ToString(), ex) { Problem = problem };
        }
    }

    public void Dispose() => _lock.Dispose();
}
