using System.Diagnostics;

namespace LapGate.TestSupport;

/// <summary>
/// A small tmpfs mounted for one test (needs root, as the tests run in CI), to make real "disk full" and
/// "read-only filesystem" conditions: <see cref="Fill"/> takes every free byte, <see cref="RemountReadOnly"/> and
/// <see cref="RemountReadWrite"/> switch the mount. Unmounted (lazily, so an open file does not block it) on dispose.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly int _kilobytes;

    public TmpfsMount(int kilobytes)
    {
        _kilobytes = kilobytes;
        Mount("-t", "tmpfs", "-o", $"size={kilobytes}k,mode=1777", "tmpfs", _dir.Path);
    }

    public string Path => _dir.Path;

    /// <summary>A path inside the mount.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <c>fill</c> until the filesystem is full (every block taken).</summary>
    public void Fill()
    {
        var buffer = new byte[4096];
        using var fill = new FileStream(File("fill"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1);
        try
        {
            while (true)
            {
                fill.Write(buffer);
            }
        }
        catch (IOException)
        {
            // ENOSPC: full. Smaller writes take the last partial block.
        }
        try
        {
            while (true)
            {
                fill.Write(buffer, 0, 1);
            }
        }
        catch (IOException)
        {
            // Full to the byte.
        }
    }

    /// <summary>Deletes what <see cref="Fill"/> wrote.</summary>
    public void Free() => System.IO.File.Delete(File("fill"));

    public void RemountReadOnly() => Mount("-o", $"remount,ro,size={_kilobytes}k", Path);

    public void RemountReadWrite() => Mount("-o", $"remount,rw,size={_kilobytes}k", Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        _dir.Dispose();
    }

    private static void Mount(params string[] args)
    {
        var (code, output) = Run("mount", args);
        if (code != 0)
        {
            throw new InvalidOperationException($"mount {string.Join(' ', args)} failed ({code}): {output}. These tests make real " +
                "full and read-only filesystems with tmpfs and need root (as in CI: run the tests as root)");
        }
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }
}
