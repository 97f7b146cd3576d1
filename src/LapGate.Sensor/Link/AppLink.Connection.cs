using System.Net.WebSockets;
using System.Threading.Channels;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Transport;
using LapGate.Sensor.Events;

namespace LapGate.Sensor.Link;

// One connection: open, handshake, register, then send and confirm until done or dropped.
public sealed partial class AppLink
{
    private async Task RunConnectionAsync(ChannelReader<SensorEvent> events, Action onRegistered, CancellationToken ct)
    {
        _unconfirmed.MarkAllUnsent();
        // The tap sits on the plaintext stream under the WebSocket (under TLS for wss://): it sees every byte
        // both ways, which is how pongs to the sensor's own pings are seen (ClientWebSocket reports none).
        DeliveryTap? tap = null;
        using var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            PlaintextStreamFilter = (context, _) => ValueTask.FromResult<Stream>(tap = new DeliveryTap(context.PlaintextStream, _time.GetTimestamp)),
        };
        using var invoker = new HttpMessageInvoker(handler);
        using var socket = new ClientWebSocket();
        // The keep-alive is the link's own (pings through the tap, see SendLoopAsync): one timer per deadline
        // instead of ClientWebSocket's heartbeat timer that ticks several times per keep-alive interval.
        socket.Options.KeepAliveInterval = Timeout.InfiniteTimeSpan;
        SetState(LinkState.Connecting);
        await ConnectAsync(socket, invoker, ct).ConfigureAwait(false);
        if (tap is null)
        {
            throw new LinkDroppedException(ReconnectCause.ConnectFailed, $"cannot connect to {_server}: no connection stream");
        }

        SetState(LinkState.Handshaking);
        using var reader = new WebSocketMessageReader(socket);
        using (var handshake = new CancellationTokenSource(_options.HandshakeTimeout, _time))
        {
            await SendAsync(socket, MessageCodec.ToUtf8(new ApiVersionRequest()), ct).ConfigureAwait(false);
            await AwaitApiVersionAsync(reader, handshake.Token, ct).ConfigureAwait(false);
        }
        await SendAsync(socket, MessageCodec.ToUtf8(new ControllerSet(ControllerSet.AnalogSensor)), ct).ConfigureAwait(false);
        SetState(LinkState.Connected);
        _lastRegistered = _time.GetTimestamp();
        onRegistered();
        LinkLog.Registered(_logger, _server, ApiVersion, _unconfirmed.Count);

        // Not linked to ct: cancelling a receive aborts the WebSocket, and a stop still needs the close handshake.
        using var connection = new CancellationTokenSource();
        var receiving = ReceiveLoopAsync(reader, connection.Token);
        try
        {
            await SendLoopAsync(socket, tap, events, receiving, ct).ConfigureAwait(false);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            socket.Abort();
            try
            {
                await receiving.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is LinkDroppedException or OperationCanceledException)
            {
                // The connection is over either way.
            }
        }
    }

    private async Task ConnectAsync(ClientWebSocket socket, HttpMessageInvoker invoker, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await socket.ConnectAsync(_server, invoker, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
        {
            var detail = timeout.IsCancellationRequested
                ? $"no connection to {_server} within {_options.ConnectTimeout.TotalSeconds:0.#} s"
                : $"cannot connect to {_server}: {ex.Message}";
            throw new LinkDroppedException(ReconnectCause.ConnectFailed, detail, ex);
        }
    }

    private async Task AwaitApiVersionAsync(WebSocketMessageReader reader, CancellationToken timeout, CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout);
        try
        {
            while (await ReceiveOneAsync(reader, linked.Token).ConfigureAwait(false) is not ApiVersionReply)
            {
                // Any other frame, in any order, before the reply: already handled by ReceiveOneAsync.
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new LinkDroppedException(ReconnectCause.HandshakeTimeout,
                $"the app did not reply to api_version within {_options.HandshakeTimeout.TotalSeconds:0.#} s");
        }
    }

    private async Task ReceiveLoopAsync(WebSocketMessageReader reader, CancellationToken ct)
    {
        while (true)
        {
            await ReceiveOneAsync(reader, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Receives one frame and hands it on; returns it (null when it was not a valid text frame).</summary>
    private async Task<Message?> ReceiveOneAsync(WebSocketMessageReader reader, CancellationToken ct)
    {
        WebSocketMessage frame;
        try
        {
            frame = await reader.ReceiveAsync(ct).ConfigureAwait(false);
        }
        catch (WebSocketMessageTooLargeException ex)
        {
            throw new LinkDroppedException(ReconnectCause.FrameTooLarge, ex.Message, ex);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // A keep-alive timeout (no pong) aborts the socket and fails the pending receive with "Aborted".
            var reason = ex.InnerException?.InnerException?.Message ?? ex.InnerException?.Message ?? ex.Message;
            throw new LinkDroppedException(ReconnectCause.ConnectionLost, "connection lost without a close frame: " + reason, ex);
        }
        if (frame.IsClose)
        {
            throw new LinkDroppedException(ReconnectCause.ClosedByApp,
                $"the app closed the connection ({frame.CloseStatus} {frame.CloseDescription})".TrimEnd());
        }
        if (frame.Kind != WebSocketMessageType.Text)
        {
            LinkLog.IgnoredFrame(_logger, frame.Kind, frame.Payload.Length);
            return null;
        }
        if (!MessageCodec.TryParse(frame.Payload, out var message, out var error))
        {
            LinkLog.MalformedFrame(_logger, error!.Message);
            return null;
        }
        LinkLog.FromApp(_logger, frame.Text);
        OnMessage(message!);
        return message;
    }

    private async Task SendAsync(WebSocket socket, ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.SendTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            socket.Abort();
            throw new LinkDroppedException(ReconnectCause.SendTimeout,
                $"a send did not complete within {_options.SendTimeout.TotalSeconds:0.#} s (hung link)");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // An aborted socket (reset, or no pong) fails a pending send with "Aborted".
            throw new LinkDroppedException(ReconnectCause.ConnectionLost, "send failed: " + ex.Message, ex);
        }
    }
}
