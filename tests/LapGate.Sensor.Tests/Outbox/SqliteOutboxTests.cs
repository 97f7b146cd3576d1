namespace LapGate.Sensor.Tests.Outbox;

public class SqliteOutboxTests
{
    [Fact]
    public void Append_Events_NumbersThemInOrderAndKeepsThemPending()
    {
        using var dir = new TempDirectory();
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));

        var written = outbox.Append([Lap(1, 1000), new SensorEvent(0, EventKind.PitLeave, 2, 1001, 22), Lap(2, 1001)]);

        Assert.Equal(written.Select(e => e.Id).Order(), written.Select(e => e.Id));
        Assert.Equal(written, outbox.Pending());
    }

    [Fact]
    public void MarkDelivered_SomeEvents_OnlyTheOthersStayPending()
    {
        using var dir = new TempDirectory();
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
        var written = outbox.Append([Lap(1, 1000), Lap(2, 1100), Lap(1, 7000)]);

        outbox.MarkDelivered([written[0].Id, written[1].Id]);

        Assert.Equal([written[2]], outbox.Pending());
    }

    [Fact]
    public void Open_AfterRestartWithUndeliveredEvents_ReturnsThemWithOriginalTimestamps()
    {
        using var dir = new TempDirectory();
        var path = dir.File("sub/folder/outbox.db");
        IReadOnlyList<SensorEvent> written;
        using (var first = SqliteOutbox.Open(path))
        {
            written = first.Append([Lap(1, 1_722_773_108_999), Lap(2, 1_722_773_109_119)]);
            first.MarkDelivered([written[0].Id]);
        }

        using var second = SqliteOutbox.Open(path);
        var pending = second.Pending();
        var next = second.Append([Lap(1, 1_722_773_115_000)]);

        Assert.Equal([written[1]], pending);
        Assert.True(next[0].Id > written[1].Id);
    }

    [Fact]
    public void Reject_Trigger_IsJournaled()
    {
        using var dir = new TempDirectory();
        using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));

        outbox.Reject(new RejectedTrigger(21, 1, 5000, RejectReason.MinLapTime, "too short", 12));
        outbox.Reject(new RejectedTrigger(9, null, 5001, RejectReason.UnknownPin, "pin 9", null));

        Assert.Equal(2, outbox.RejectedCount());
        Assert.Empty(outbox.Pending());
    }

    [Fact]
    public void SaveClock_ThenReopen_LoadsTheLatestStatePerSource()
    {
        using var dir = new TempDirectory();
        using (var outbox = SqliteOutbox.Open(dir.File("outbox.db")))
        {
            outbox.SaveClock("stdin", new DeviceClockState(1, 2, 3, 4));
            outbox.SaveClock("stdin", new DeviceClockState(10, 20, 30, 40));
            outbox.SaveClock("serial:/dev/ttyACM0", new DeviceClockState(5, 6, 7, 8));
        }
        using var reopened = SqliteOutbox.Open(dir.File("outbox.db"));

        Assert.Equal(new DeviceClockState(10, 20, 30, 40), reopened.LoadClock("stdin"));
        Assert.Equal(new DeviceClockState(5, 6, 7, 8), reopened.LoadClock("serial:/dev/ttyACM0"));
        Assert.Null(reopened.LoadClock("serial:/dev/ttyUSB0"));
    }
}
