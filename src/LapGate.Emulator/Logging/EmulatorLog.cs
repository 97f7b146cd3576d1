namespace LapGate.Emulator.Logging;

/// <summary>The emulator's one-line events (source-generated logging).</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(1, LogLevel.Information, "Listening on {WebSocketUri} (WebSocket) and {HttpUri} (dashboard; HTTP API: {HttpUri}api/race)")]
    public static partial void Listening(ILogger logger, Uri webSocketUri, Uri httpUri);

    [LoggerMessage(2, LogLevel.Warning, "Bound to {Bind}: the emulator is reachable from the network, not only from this machine")]
    public static partial void NotLoopback(ILogger logger, string bind);

    [LoggerMessage(3, LogLevel.Information, "{Connection} connected from {Remote}")]
    public static partial void Connected(ILogger logger, string connection, string remote);

    [LoggerMessage(4, LogLevel.Information, "{Connection} disconnected ({Reason})")]
    public static partial void Disconnected(ILogger logger, string connection, string reason);

    [LoggerMessage(5, LogLevel.Information, "{Connection} handshake: sent controller data, server info, api version {ApiVersion}")]
    public static partial void Handshake(ILogger logger, string connection, int apiVersion);

    [LoggerMessage(6, LogLevel.Information, "{Connection} registered as {Role}")]
    public static partial void Registered(ILogger logger, string connection, string role);

    [LoggerMessage(7, LogLevel.Information, "lap  controller {Controller}: {LapMs} ms (lap {Laps}, best {BestMs} ms) from {Connection}")]
    public static partial void Lap(ILogger logger, int controller, long lapMs, int laps, long? bestMs, string connection);

    [LoggerMessage(8, LogLevel.Information, "lap  controller {Controller}: first crossing at {Timestamp} (reference) from {Connection}")]
    public static partial void FirstCrossing(ILogger logger, int controller, long timestamp, string connection);

    [LoggerMessage(9, LogLevel.Information, "lap  controller {Controller}: duplicate of timestamp {Timestamp} ignored from {Connection}")]
    public static partial void Duplicate(ILogger logger, int controller, long timestamp, string connection);

    [LoggerMessage(10, LogLevel.Information, "pit  controller {Controller}: {What} from {Connection}")]
    public static partial void Pit(ILogger logger, int controller, string what, string connection);

    [LoggerMessage(11, LogLevel.Warning, "violation {Connection} {Kind}: {Message}")]
    public static partial void Violation(ILogger logger, string connection, string kind, string message);

    [LoggerMessage(12, LogLevel.Information, "race {State}; sent update_event_status \"{Status}\" to {Clients} client(s)")]
    public static partial void RaceState(ILogger logger, string state, string status, int clients);

    [LoggerMessage(13, LogLevel.Information, "fault {Connection}: {What}")]
    public static partial void Fault(ILogger logger, string connection, string what);

    [LoggerMessage(14, LogLevel.Information, "{Connection} race_control \"{Value}\": {Result}")]
    public static partial void RaceControl(ILogger logger, string connection, string value, string result);

    [LoggerMessage(15, LogLevel.Information, "faults now: {Faults}")]
    public static partial void FaultsChanged(ILogger logger, string faults);

    [LoggerMessage(16, LogLevel.Information, "Race state {State} ({Setup}), session {Session}, database {Database}")]
    public static partial void Loaded(ILogger logger, string state, string setup, long session, string database);

    [LoggerMessage(17, LogLevel.Warning, "{Connection}: connection failed: {Message}")]
    public static partial void ConnectionFailed(ILogger logger, string connection, string message);

    [LoggerMessage(18, LogLevel.Information, "fault {Connection}: delaying handshake replies by {DelayMs} ms")]
    public static partial void HandshakeDelayed(ILogger logger, string connection, double delayMs);

    [LoggerMessage(19, LogLevel.Information, "race set up: {Setup}")]
    public static partial void RaceSetup(ILogger logger, string setup);

    [LoggerMessage(20, LogLevel.Information, "race finished ({Reason}); winner: {Winner}")]
    public static partial void Finished(ILogger logger, string reason, string winner);

    [LoggerMessage(21, LogLevel.Information, "lap controller {Controller}: {LapMs} ms not counted ({Reason}, limit {LimitMs} ms) from {Connection}")]
    public static partial void LapRejected(ILogger logger, int controller, long lapMs, string reason, long limitMs, string connection);

    [LoggerMessage(22, LogLevel.Information, "crossing controller {Controller} at {Timestamp} not counted ({Reason}) from {Connection}")]
    public static partial void CrossingNotCounted(ILogger logger, int controller, long timestamp, string reason, string connection);

    [LoggerMessage(23, LogLevel.Warning, "{Connection} from {Remote} refused: {Limit} connections are open already (closed with 1013; raise {LimitOption} if they are all wanted)")]
    public static partial void TooManyConnections(ILogger logger, string connection, string remote, int limit, string limitOption);

    [LoggerMessage(24, LogLevel.Error, "{Method} {Path}: {What}: {Message} (answered 500)")]
    public static partial void RequestFailed(ILogger logger, string method, string path, string what, string message);

    [LoggerMessage(25, LogLevel.Error, "Could not store {Kind} of controller {Controller} in the database")]
    public static partial void EventNotStored(ILogger logger, Exception exception, string kind, int controller);

    [LoggerMessage(26, LogLevel.Error, "Could not store a track record of controller {Controller}")]
    public static partial void RecordNotStored(ILogger logger, Exception exception, int controller);

    [LoggerMessage(27, LogLevel.Error, "Could not store the race setup of session {Session}")]
    public static partial void TimelineNotStored(ILogger logger, Exception exception, long session);

    [LoggerMessage(28, LogLevel.Error, "A race change handler failed")]
    public static partial void ChangeHandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(29, LogLevel.Error, "A race state handler failed")]
    public static partial void StateHandlerFailed(ILogger logger, Exception exception);
}
