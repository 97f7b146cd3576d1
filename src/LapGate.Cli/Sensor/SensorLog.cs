using LapGate.Sensor.Events;
using LapGate.Sensor.Pipeline;
using Microsoft.Extensions.Logging;

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
}
