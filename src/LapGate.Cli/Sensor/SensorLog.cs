using LapGate.Sensor.Events;
using LapGate.Sensor.Pipeline;

namespace LapGate.Cli.Sensor;

/// <summary>The sensor command's own log lines (source-generated logging), in the words the screens use.</summary>
internal static partial class SensorLog
{
    /// <summary>Logs every accepted event of <paramref name="runner"/>: its words at information, the raw event at debug.</summary>
    public static void Attach(SensorRunner runner, ILogger logger) =>
        runner.Crossed += (_, crossings) =>
        {
            foreach (var crossing in crossings)
            {
                if (crossing.Words is { } words)
                {
                    Crossing(logger, words);
                }
                var e = crossing.Event;
                Event(logger, e.Lane, e.Kind, e.TimestampMs, e.Id);
            }
        };

    [LoggerMessage(1, LogLevel.Information, "{Words}")]
    public static partial void Crossing(ILogger logger, string words);

    [LoggerMessage(2, LogLevel.Debug, "lane {Lane}: {Kind} at {Timestamp} (event {Id})")]
    public static partial void Event(ILogger logger, int lane, EventKind kind, long timestamp, long id);

    [LoggerMessage(3, LogLevel.Information, "status page on {Url} (read-only)")]
    public static partial void StatusPage(ILogger logger, string url);

    [LoggerMessage(4, LogLevel.Information, "keys: {Help}")]
    public static partial void Keys(ILogger logger, string help);

    [LoggerMessage(5, LogLevel.Information, "sensor for {Server}: {Gates} gate(s), input {Input}, outbox {Outbox}")]
    public static partial void Starting(ILogger logger, Uri? server, int gates, string input, string outbox);

    [LoggerMessage(6, LogLevel.Information, "input ended and every event is delivered")]
    public static partial void InputEnded(ILogger logger);

    [LoggerMessage(7, LogLevel.Information, "stopped; every event was delivered and the app confirmed it")]
    public static partial void StoppedAllDelivered(ILogger logger);

    [LoggerMessage(8, LogLevel.Information, "stopped; {Pending} undelivered event(s) kept in {Outbox} for the next run")]
    public static partial void StoppedWithPending(ILogger logger, int pending, string outbox);

    [LoggerMessage(9, LogLevel.Critical, "{Error}")]
    public static partial void CannotRun(ILogger logger, string error);
}
