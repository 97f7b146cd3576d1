using Microsoft.Extensions.Logging;

namespace LapGate.Sensor.Pipeline;

/// <summary>The sensor runner's one-line events about its outbox (source-generated logging).</summary>
internal static partial class SensorRunnerLog
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
}
