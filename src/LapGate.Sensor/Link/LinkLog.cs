using System.Net.WebSockets;

namespace LapGate.Sensor.Link;

/// <summary>The link's log lines (source-generated logging).</summary>
internal static partial class LinkLog
{
    [LoggerMessage(201, LogLevel.Warning, "the connection to {Server} can no longer confirm deliveries with pings " +
        "(its frames could not be followed); it is dropped, and the events sent on it are sent again after the reconnect")]
    public static partial void CannotConfirm(ILogger logger, Uri server);

    [LoggerMessage(202, LogLevel.Information, "closed the connection to {Server}; {Pending} event(s) not confirmed by the app stay pending")]
    public static partial void Stopped(ILogger logger, Uri server, int pending);

    [LoggerMessage(203, LogLevel.Information, "{Count} undelivered event(s) from a previous run are delivered first")]
    public static partial void PreviousRunPending(ILogger logger, int count);

    [LoggerMessage(204, LogLevel.Warning, "link to {Server} dropped ({Cause}): {Detail}; {Pending} event(s) pending; retry {Attempt} in {Delay} ms")]
    public static partial void Dropped(ILogger logger, Uri server, ReconnectCause cause, string detail, int pending, int attempt, long? delay);

    [LoggerMessage(205, LogLevel.Information, "registered with the app at {Server} as analog sensor (api {Api}); {Pending} event(s) to send")]
    public static partial void Registered(ILogger logger, Uri server, int? api, int pending);

    [LoggerMessage(206, LogLevel.Warning, "ignored a {Kind} frame of {Bytes} bytes from the app")]
    public static partial void IgnoredFrame(ILogger logger, WebSocketMessageType kind, int bytes);

    [LoggerMessage(207, LogLevel.Warning, "ignored a malformed frame from the app: {Error}")]
    public static partial void MalformedFrame(ILogger logger, string error);

    [LoggerMessage(208, LogLevel.Debug, "app: {Frame}")]
    public static partial void FromApp(ILogger logger, string frame);
}
