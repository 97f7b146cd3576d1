using LapGate.Sensor.Events;

namespace LapGate.Sensor.Pipeline;

/// <summary>The pipeline's log lines (source-generated logging): the runner's events, its outbox, the flusher.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(101, LogLevel.Error, "cannot write the outbox {Path}: {Cause}. Laps are still sent, from memory, but they are " +
        "NOT DURABLE until this is fixed ({Unwritten} event(s) not written; a restart or power cut loses those the app has not " +
        "confirmed). {Fix}; the events are written to the outbox as soon as it can be written again")]
    public static partial void NotDurable(ILogger logger, string path, string cause, int unwritten, string fix);

    [LoggerMessage(102, LogLevel.Information, "the outbox {Path} can be written again: {Written} event(s) kept in memory are now in it; laps are durable again")]
    public static partial void DurableAgain(ILogger logger, string path, int written);

    [LoggerMessage(103, LogLevel.Error, "{Count} event(s) could not be written to the outbox {Path} ({Cause}): those the app has not confirmed are lost with this run")]
    public static partial void LostAtExit(ILogger logger, int count, string path, string cause);

    [LoggerMessage(104, LogLevel.Information, "input {Input} ended; delivering {Pending} pending event(s)")]
    public static partial void InputEnded(ILogger logger, string input, int pending);

    [LoggerMessage(105, LogLevel.Information, "all events delivered")]
    public static partial void AllDelivered(ILogger logger);

    /// <summary>A rejected trigger: a warning for an unknown pin or a line out of order, else information.</summary>
    [LoggerMessage(EventId = 106, Message = "{Where}trigger rejected ({Reason}): {Detail}")]
    public static partial void TriggerRejected(ILogger logger, LogLevel level, string where, RejectReason reason, string detail);

    [LoggerMessage(107, LogLevel.Information, "the app reset the event: lap times start again")]
    public static partial void AppReset(ILogger logger);

    [LoggerMessage(108, LogLevel.Information, "race status: {Status}")]
    public static partial void RaceStatus(ILogger logger, string status);

    [LoggerMessage(109, LogLevel.Debug, "app sent an unknown frame type {Type}")]
    public static partial void UnknownFrame(ILogger logger, string type);

    [LoggerMessage(110, LogLevel.Error, "the outbox {Path} is unusable: {Problem}. It was moved aside to {Aside} (kept for inspection; " +
        "events still undelivered in it are not sent) and a fresh outbox was started")]
    public static partial void OutboxMovedAside(ILogger logger, string path, string? problem, string? aside);

    [LoggerMessage(111, LogLevel.Error, "cannot flush the outbox {Path} to disk ({Problem}): events after #{Durable} are sent but may " +
        "not survive a power cut, and delivery marks may be lost (those events would be sent again); the sensor keeps running")]
    public static partial void FlushFailed(ILogger logger, string path, string problem, long durable);
}
