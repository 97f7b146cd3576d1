using System.Net.Sockets;
using System.Net.WebSockets;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Transport;
using LapGate.Protocol.Validation;

namespace LapGate.Sensor.Probing;

/// <summary>
/// Checks the path to the app the way a sensor uses it: TCP, the WebSocket upgrade, the handshake
/// (<c>api_version</c> and the app's replies), then round trips of further <c>api_version</c> requests.
/// It registers as the analog sensor only when asked, so it cannot disturb a running race.
/// </summary>
public static class AppProbe
{
    public static async Task<ProbeResult> RunAsync(Uri server, ProbeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(options);
        ProbeOptionsValidator.Instance.ThrowIfInvalid(options);
        if (!server.IsAbsoluteUri || server.Scheme is not ("ws" or "wss"))
        {
            return new ProbeResult { Server = server, Failure = ProbeFailure.InvalidAddress, Detail = $"\"{server}\" is not a ws:// address" };
        }
        var session = new ProbeSession(server, options);
        try
        {
            return await session.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ProbeFailedException ex)
        {
            return session.Result with { Failure = ex.Failure, Detail = ex.Message };
        }
    }

    /// <summary>Classifies a failed TCP connect.</summary>
    internal static ProbeFailure Classify(SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => ProbeFailure.NothingListening,
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => ProbeFailure.NameNotResolved,
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => ProbeFailure.Unreachable,
        _ => ProbeFailure.TimedOut,
    };

    /// <summary>One probe: its socket, clock and what it found so far.</summary>
    private sealed class ProbeSession(Uri server, ProbeOptions options)
    {
        private readonly TimeProvider _time = options.TimeProvider;

        public ProbeResult Result { get; private set; } = new() { Server = server };

        public async Task<ProbeResult> RunAsync(CancellationToken ct)
        {
            Result = Result with { ConnectTime = await TcpConnectAsync(ct).ConfigureAwait(false) };
            using var socket = new ClientWebSocket();
            socket.Options.CollectHttpResponseDetails = true;
            await UpgradeAsync(socket, ct).ConfigureAwait(false);
            using var reader = new WebSocketMessageReader(socket);

            var frames = new List<string>();
            var first = await RoundTripAsync(socket, reader, frames, ct).ConfigureAwait(false);
            var roundTrips = new List<TimeSpan> { first };
            Result = Result with { HandshakeFrames = frames, RoundTrips = roundTrips };
            for (var i = 1; i < options.Samples; i++)
            {
                roundTrips.Add(await RoundTripAsync(socket, reader, null, ct).ConfigureAwait(false));
            }
            if (options.Register)
            {
                await SendAsync(socket, new ControllerSet(ControllerSet.AnalogSensor), ct).ConfigureAwait(false);
                Result = Result with { Registered = true };
            }
            await CloseAsync(socket).ConfigureAwait(false);
            return Result;
        }

        private async Task<TimeSpan> TcpConnectAsync(CancellationToken ct)
        {
            using var timeout = new CancellationTokenSource(options.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            using var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp);
            var started = _time.GetTimestamp();
            options.OnStep?.Invoke(ProbeStep.Connecting);
            try
            {
                await tcp.ConnectAsync(server.Host, server.Port, linked.Token).ConfigureAwait(false);
                return _time.GetElapsedTime(started);
            }
            catch (SocketException ex)
            {
                throw new ProbeFailedException(Classify(ex), $"TCP connect to {server.Host}:{server.Port}: {ex.Message}", ex);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new ProbeFailedException(ProbeFailure.TimedOut,
                    $"TCP connect to {server.Host}:{server.Port}: no answer within {options.Timeout.TotalSeconds:0.#} s");
            }
        }

        private async Task UpgradeAsync(ClientWebSocket socket, CancellationToken ct)
        {
            using var timeout = new CancellationTokenSource(options.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            options.OnStep?.Invoke(ProbeStep.Upgrading);
            try
            {
                await socket.ConnectAsync(server, linked.Token).ConfigureAwait(false);
            }
            catch (WebSocketException ex) when (ex.WebSocketErrorCode == WebSocketError.NotAWebSocket || socket.HttpStatusCode != 0)
            {
                throw new ProbeFailedException(ProbeFailure.NotWebSocket,
                    $"WebSocket upgrade refused (HTTP {(int)socket.HttpStatusCode}): {ex.Message}", ex);
            }
            catch (WebSocketException ex)
            {
                var failure = ex.InnerException is HttpRequestException { InnerException: SocketException s } ? Classify(s) : ProbeFailure.NotWebSocket;
                throw new ProbeFailedException(failure, $"WebSocket upgrade: {ex.Message}", ex);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new ProbeFailedException(ProbeFailure.NotWebSocket,
                    $"WebSocket upgrade: no answer within {options.Timeout.TotalSeconds:0.#} s after the TCP connection opened");
            }
        }

        /// <summary>Sends <c>api_version</c> and waits for the app's reply; other frames are noted (when <paramref name="frames"/> is given).</summary>
        private async Task<TimeSpan> RoundTripAsync(ClientWebSocket socket, WebSocketMessageReader reader, List<string>? frames, CancellationToken ct)
        {
            var started = _time.GetTimestamp();
            using var timeout = new CancellationTokenSource(options.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            await SendAsync(socket, new ApiVersionRequest(), ct).ConfigureAwait(false);
            options.OnStep?.Invoke(frames is null ? ProbeStep.Sampling : ProbeStep.Handshaking);
            try
            {
                while (true)
                {
                    var message = await ReceiveAsync(reader, linked.Token).ConfigureAwait(false);
                    frames?.Add(message.Type);
                    switch (message)
                    {
                        case ApiVersionReply reply:
                            Result = Result with { ApiVersion = reply.ApiVersion };
                            return _time.GetElapsedTime(started);
                        case UpdateControllerData controllers:
                            Result = Result with { Controllers = controllers };
                            break;
                        case UpdateServerInfo info:
                            Result = Result with { IsSubscribed = info.IsSubscribed };
                            break;
                        default:
                            break;
                    }
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new ProbeFailedException(ProbeFailure.NoHandshakeReply,
                    $"no api_version reply within {options.Timeout.TotalSeconds:0.#} s" +
                    (frames is { Count: > 0 } ? $" (the app sent: {string.Join(", ", frames)})" : ""));
            }
        }

        private static async Task<Message> ReceiveAsync(WebSocketMessageReader reader, CancellationToken ct)
        {
            WebSocketMessage frame;
            try
            {
                frame = await reader.ReceiveAsync(ct).ConfigureAwait(false);
            }
            catch (WebSocketMessageTooLargeException ex)
            {
                throw new ProbeFailedException(ProbeFailure.UnexpectedReply, ex.Message, ex);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException)
            {
                throw new ProbeFailedException(ProbeFailure.ClosedByApp, $"connection lost: {ex.Message}", ex);
            }
            if (frame.IsClose)
            {
                throw new ProbeFailedException(ProbeFailure.ClosedByApp, $"the app closed the connection ({frame.CloseStatus} {frame.CloseDescription})".TrimEnd());
            }
            if (frame.Kind != WebSocketMessageType.Text)
            {
                throw new ProbeFailedException(ProbeFailure.UnexpectedReply, $"the app sent a {frame.Kind} frame of {frame.Payload.Length} bytes; SmartRace sends text");
            }
            if (!MessageCodec.TryParse(frame.Payload, out var message, out var error))
            {
                throw new ProbeFailedException(ProbeFailure.UnexpectedReply, $"the app sent a frame that is not SmartRace JSON: {error!.Message}");
            }
            return message!;
        }

        private async Task SendAsync(ClientWebSocket socket, Message message, CancellationToken ct)
        {
            using var timeout = new CancellationTokenSource(options.Timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                await socket.SendAsync(MessageCodec.ToUtf8(message), WebSocketMessageType.Text, true, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                throw new ProbeFailedException(ProbeFailure.ClosedByApp, $"sending {message.Type} failed: {ex.Message}", ex);
            }
        }

        private async Task CloseAsync(ClientWebSocket socket)
        {
            using var timeout = new CancellationTokenSource(options.Timeout, _time);
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "probe done", timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
            {
                // The probe's findings stand; a failed goodbye changes nothing.
            }
        }
    }
}
