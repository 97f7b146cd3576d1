namespace LapGate.Sensor.Tests.Outbox;

/// <summary>The lock in one process (two real processes: LapGate.Faults.Tests OutboxLockProcessTests).</summary>
public class OutboxLockTests
{
    [Fact]
    public void Acquire_HeldByThisProcess_RefusedInWordsAndFreeAgainAfterDispose()
    {
        using var dir = new TempDirectory();
        var path = dir.File("sub/outbox.db");

        using (OutboxLock.Acquire(path))
        {
            var refused = Assert.Throws<OutboxRefusedException>(() => OutboxLock.Acquire(path));
            Assert.Equal($"outbox {path} is in use by another lapgate sensor (pid {Environment.ProcessId})", refused.Message);
        }

        using var again = OutboxLock.Acquire(path);
        Assert.True(File.Exists(path + ".lock"));
    }
}
