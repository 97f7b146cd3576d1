namespace LapGate.Sensor.Timing;

/// <summary>The device clock's log lines (source-generated logging): how a device's time is mapped after a reset or restart.</summary>
internal static partial class TimingLog
{
    [LoggerMessage(401, LogLevel.Warning, "{Source}: the device clock went back from {Last} to {Raw} µs (device reset); " +
        "its time is mapped afresh on the host clock")]
    public static partial void DeviceWentBack(ILogger logger, string source, long last, long raw);

    [LoggerMessage(402, LogLevel.Warning, "{Source}: the host clock is {Ms} ms earlier than at the saved device-clock checkpoint; " +
        "the device time is mapped afresh")]
    public static partial void HostClockWentBack(ILogger logger, string source, long ms);

    [LoggerMessage(403, LogLevel.Information, "{Source}: {Min} min since the saved device-clock checkpoint, longer than one counter wrap " +
        "(71.6 min): the device time is mapped afresh")]
    public static partial void TooLongAway(ILogger logger, string source, long min);

    [LoggerMessage(404, LogLevel.Information, "{Source}: device time {Raw} µs is {Off} ms away from where the saved clock would be " +
        "after {Elapsed} ms (tolerance {Tol} ms): the device was reset or replaced; its time is mapped afresh")]
    public static partial void DeviceReset(ILogger logger, string source, long raw, long off, long elapsed, long tol);

    [LoggerMessage(405, LogLevel.Information, "{Source}: the device clock kept running ({Off} ms from the expected time after {Elapsed} ms); " +
        "the saved mapping is reused, so lap times spanning the restart stay exact")]
    public static partial void Resumed(ILogger logger, string source, long off, long elapsed);
}
