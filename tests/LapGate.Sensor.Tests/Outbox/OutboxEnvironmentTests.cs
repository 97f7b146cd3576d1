using System.Diagnostics;

namespace LapGate.Sensor.Tests.Outbox;

/// <summary>
/// An outbox that cannot be written at start is refused with the cause and the fix, and nothing is moved: real
/// tmpfs mounts made full or read-only, and a file marked immutable (root ignores file modes, not chattr +i).
/// </summary>
public class OutboxEnvironmentTests
{
    [Fact]
    public void OpenOrRecover_ReadOnlyRemount_RefusedNamingTheMountAndNothingIsMoved()
    {
        using var mount = new TmpfsMount(1024);
        var path = mount.File("outbox.db");
        using (var outbox = SqliteOutbox.Open(path))
        {
            outbox.Append([Lap(1, 1000), Lap(2, 2000)]);
        }
        var before = Listing(mount.Path);
        mount.RemountReadOnly();

        var refused = Assert.Throws<OutboxRefusedException>(() => OutboxRecovery.OpenOrRecover(path));

        Assert.Equal(OutboxProblemKind.ReadOnlyFilesystem, refused.Problem!.Kind);
        Assert.Equal($"cannot write the outbox {path}: the filesystem is read-only. Remount it read-write " +
            $"(sudo mount -o remount,rw {mount.Path}) or choose an outbox on a writable disk.", refused.Message);
        Assert.Equal(before, Listing(mount.Path));
        mount.RemountReadWrite();
        using var reopened = OutboxRecovery.OpenOrRecover(path).Outbox;
        Assert.Equal([1000L, 2000L], reopened.Pending().Select(e => e.TimestampMs));
    }

    [Fact]
    public void OpenOrRecover_FullFilesystem_RefusedAsNoSpaceAndTheOutboxKeepsItsEvents()
    {
        using var mount = new TmpfsMount(512);
        var path = mount.File("outbox.db");
        using (var outbox = SqliteOutbox.Open(path))
        {
            outbox.Append([Lap(1, 1000)]);
        }
        mount.Fill();

        var refused = Assert.Throws<OutboxRefusedException>(() => OutboxRecovery.OpenOrRecover(path));

        Assert.Equal(OutboxProblemKind.NoSpace, refused.Problem!.Kind);
        Assert.StartsWith($"cannot write the outbox {path}: no space left on the device. Free some space", refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(mount.Path, "*.bad-*"));
        mount.Free();
        using var reopened = OutboxRecovery.OpenOrRecover(path).Outbox;
        Assert.Equal([1000L], reopened.Pending().Select(e => e.TimestampMs));
    }

    [Fact]
    public void OpenOrRecover_TinyFilesystem_RefusedAtStartInsteadOfFailingAtTheFirstTrigger()
    {
        using var mount = new TmpfsMount(16);
        var path = mount.File("outbox.db");

        var refused = Assert.Throws<OutboxRefusedException>(() => OutboxRecovery.OpenOrRecover(path));

        Assert.Equal(OutboxProblemKind.NoSpace, refused.Problem!.Kind);
        Assert.Empty(Directory.GetFiles(mount.Path, "*.bad-*"));
    }

    [Fact]
    public void OpenOrRecover_ImmutableFile_RefusedAsPermissionAndNotMoved()
    {
        using var dir = new TempDirectory();
        var path = dir.File("outbox.db");
        using (var outbox = SqliteOutbox.Open(path))
        {
            outbox.Append([Lap(1, 1000)]);
        }
        Chattr("+i", path);
        try
        {
            var refused = Assert.Throws<OutboxRefusedException>(() => OutboxRecovery.OpenOrRecover(path));

            Assert.Equal(OutboxProblemKind.Permission, refused.Problem!.Kind);
            Assert.Contains($"cannot write the outbox {path}: permission denied for user {Environment.UserName}", refused.Message, StringComparison.Ordinal);
            Assert.Contains("chattr -i", refused.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(dir.Path, "*.bad-*"));
        }
        finally
        {
            Chattr("-i", path);
        }
        using var reopened = OutboxRecovery.OpenOrRecover(path).Outbox;
        Assert.Single(reopened.Pending());
    }

    private static string[] Listing(string folder) =>
        Directory.GetFileSystemEntries(folder).Select(f => Path.GetFileName(f) + " " + new FileInfo(f).Length).Order().ToArray();

    private static void Chattr(string flag, string path)
    {
        using var process = Process.Start("chattr", [flag, path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
