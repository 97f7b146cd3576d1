using System.Net.WebSockets;
using LapGate.Bridge.Events;
using LapGate.Bridge.Recording;
using LapGate.Protocol.Transport;

namespace LapGate.Bridge.Forwarding;

/// <summary>
/// One client and its own upstream connection. <see cref="RunAsync"/> is the one task that owns both
/// sockets: it connects upstream, then forwards each direction concurrently, message by message, and
/// passes every close (code and reason) on to the other side.
/// </summary>
internal sealed partial class BridgeConnection
{
    private readonly int _id;
    private readonly WebSocket _client;
    private readonly BridgeOptions _options;
    private readonly BridgeRecorder _recorder;
    private readonly EventClock _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();
    private WebSocket? _upstream;
    private volatile bool _stopping;

    public BridgeConnection(int id, WebSocket client, BridgeOptions options, BridgeRecorder recorder, EventClock clock, ILogger logger)
    {
        _id = id;
        _client = client;
        _options = options;
        _recorder = recorder;
        _clock = clock;
        _logger = logger;
    }

    public int Id => _id;

    /// <summary>Runs until both sides are closed.</summary>
    public async Task RunAsync(string clientAddress)
    {
        var upstreamUri = _options.Upstream!;
        await RecordAsync(BridgeEventKind.Open, null, default, null, clientAddress).ConfigureAwait(false);
        LogOpened(_logger, _id, clientAddress, upstreamUri);
        string? error = null;
        using var upstream = new ClientWebSocket();
        try
        {
            try
            {
                using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _options.TimeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _abort.Token);
                await upstream.ConnectAsync(upstreamUri, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException or IOException)
            {
                error = CloseReasons.Fit($"upstream {upstreamUri} unreachable: {CloseReasons.Describe(ex)}");
                LogUnreachable(_logger, _id, error);
                await HandshakeCloseAsync(_client, FrameDirection.BridgeToClient, CloseReasons.BadGateway, error).ConfigureAwait(false);
                return;
            }
            _upstream = upstream;
            if (_stopping)
            {
                await StopAsync().ConfigureAwait(false);
            }
            var toApp = PumpAsync(_client, upstream, FrameDirection.ClientToApp);
            var toClient = PumpAsync(upstream, _client, FrameDirection.AppToClient);
            var first = await Task.WhenAny(toApp, toClient).ConfigureAwait(false);
            error = await first.ConfigureAwait(false);
            var second = first == toApp ? toClient : toApp;
            try
            {
                error ??= await second.WaitAsync(_options.CloseTimeout, _options.TimeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                error ??= $"close handshake not finished within {_options.CloseTimeout.TotalSeconds:0.#} s";
                await _abort.CancelAsync().ConfigureAwait(false);
                _client.Abort();
                upstream.Abort();
                await second.ConfigureAwait(false);
            }
        }
        finally
        {
            await RecordAsync(BridgeEventKind.End, null, default, null, error).ConfigureAwait(false);
            LogEnded(_logger, _id, error ?? "closed");
            _abort.Dispose();
        }
    }

    /// <summary>Closes both sides with 1001 "bridge stopping"; the pumps then finish the handshakes.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        await BridgeCloseAsync(_client, FrameDirection.BridgeToClient, WebSocketCloseStatus.EndpointUnavailable, "bridge stopping").ConfigureAwait(false);
        if (_upstream is { } upstream)
        {
            await BridgeCloseAsync(upstream, FrameDirection.BridgeToApp, WebSocketCloseStatus.EndpointUnavailable, "bridge stopping").ConfigureAwait(false);
        }
    }

    /// <summary>Gives up on a connection that did not finish closing.</summary>
    public void Abort()
    {
        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already ended.
        }
        _client.Abort();
        _upstream?.Abort();
    }

    /// <summary>Forwards messages from one side to the other until a close; returns the failure, if any.</summary>
    private async Task<string?> PumpAsync(WebSocket source, WebSocket destination, FrameDirection direction)
    {
        using var reader = new WebSocketMessageReader(source, _options.MaxMessageBytes);
        var sending = false;
        try
        {
            while (true)
            {
                sending = false;
                var message = await reader.ReceiveAsync(_abort.Token).ConfigureAwait(false);
                if (message.IsClose)
                {
                    var code = message.CloseStatus;
                    await RecordAsync(BridgeEventKind.Close, direction, default, (int?)code, message.CloseDescription).ConfigureAwait(false);
                    if (CanSend(destination))
                    {
                        sending = true;
                        await destination.CloseOutputAsync(code ?? WebSocketCloseStatus.Empty,
                            code is null ? null : message.CloseDescription, _abort.Token).ConfigureAwait(false);
                    }
                    return null;
                }
                var kind = message.Kind == WebSocketMessageType.Text ? BridgeEventKind.Text : BridgeEventKind.Binary;
                await RecordAsync(kind, direction, message.Payload.ToArray(), null, null).ConfigureAwait(false);
                if (CanSend(destination))
                {
                    sending = true;
                    await destination.SendAsync(message.Payload, message.Kind, endOfMessage: true, _abort.Token).ConfigureAwait(false);
                }
            }
        }
        catch (WebSocketMessageTooLargeException ex)
        {
            var reason = CloseReasons.Fit($"{Side(source)} sent a message larger than {ex.Limit} bytes");
            await BridgeCloseAsync(_client, FrameDirection.BridgeToClient, WebSocketCloseStatus.MessageTooBig, reason).ConfigureAwait(false);
            await BridgeCloseAsync(_upstream!, FrameDirection.BridgeToApp, WebSocketCloseStatus.MessageTooBig, reason).ConfigureAwait(false);
            return reason;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            if (_abort.IsCancellationRequested)
            {
                return null;
            }
            var failed = sending ? destination : source;
            var reason = CloseReasons.Fit($"{Side(failed)} connection lost: {CloseReasons.Describe(ex)}");
            if (ReferenceEquals(failed, _client))
            {
                await BridgeCloseAsync(_upstream!, FrameDirection.BridgeToApp, WebSocketCloseStatus.EndpointUnavailable, reason).ConfigureAwait(false);
            }
            else
            {
                await BridgeCloseAsync(_client, FrameDirection.BridgeToClient, CloseReasons.BadGateway, reason).ConfigureAwait(false);
            }
            return reason;
        }
    }

    private ValueTask RecordAsync(BridgeEventKind kind, FrameDirection? direction, ReadOnlyMemory<byte> payload, int? code, string? detail)
    {
        var (time, offset) = _clock.Now();
        return _recorder.RecordAsync(new BridgeEvent(time, offset, _id, kind, direction, payload, code, detail));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "#{Id} client {Client} connected; connecting to {Upstream}")]
    private static partial void LogOpened(ILogger logger, int id, string client, Uri upstream);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "#{Id} {Reason}; client closed with 1014")]
    private static partial void LogUnreachable(ILogger logger, int id, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "#{Id} ended: {Outcome}")]
    private static partial void LogEnded(ILogger logger, int id, string outcome);
}
