namespace LapGate.Storage;

/// <summary>Another process (or this one) holds the <see cref="ExclusiveFileLock"/> on <see cref="LockPath"/>.</summary>
public sealed class FileLockedException : IOException
{
    public FileLockedException(string lockPath, int? holderPid, Exception? inner = null)
        : base($"{lockPath} is locked" + (holderPid is { } pid ? $" by pid {pid}" : ""), inner)
    {
        LockPath = lockPath;
        HolderPid = holderPid;
    }

    /// <summary>The lock file.</summary>
    public string LockPath { get; }

    /// <summary>The pid written by the holder, when it could be read.</summary>
    public int? HolderPid { get; }
}
