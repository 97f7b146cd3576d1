using Microsoft.Extensions.Logging;

namespace LapGate.Sensor.Link;

/// <summary>The link's log lines (source-generated).</summary>
internal static partial class LinkLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "the connection to {Server} can no longer confirm deliveries with pings " +
        "(its frames could not be followed); it is dropped, and the events sent on it are sent again after the reconnect")]
    public static partial void CannotConfirm(ILogger logger, Uri server);

    [LoggerMessage(Level = LogLevel.Information, Message = "closed the connection to {Server}; {Pending} event(s) not confirmed by the app stay pending")]
    public static partial void Stopped(ILogger logger, Uri server, int pending);
}
