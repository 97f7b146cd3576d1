using System.Net.WebSockets;
using System.Threading.Channels;
using LapGate.Emulator.Logging;
using LapGate.Emulator.Race;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Transport;

namespace LapGate.Emulator.Connections;

/// <summary>
/// One WebSocket peer (a sensor or a client). <see cref="RunAsync"/> owns the socket: it reads
/// frames in order and handles them; a second loop writes queued frames (handshake replies,
/// broadcasts) so nothing else ever touches the socket. Bad frames are violations, never crashes.
/// </summary>
internal sealed partial class EmulatorConnection
{
    private const int OutboxCapacity = 256;
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly EmulatorContext _context;
    private readonly Channel<byte[]> _outbox = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(OutboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private int _analogFrames;
    private long _frames;
    private long _lastFrameTicks = -1;
    private volatile string _role = "connected";
    private ITimer? _handshakeTimer;
    private ITimer? _abortTimer;
    private int _closeRequested;
    private (WebSocketCloseStatus Status, string Text, CloseReason Reason) _closeRequest;

    public EmulatorConnection(string id, string remote, WebSocket socket, EmulatorContext context)
    {
        Id = id;
        Remote = remote;
        _socket = socket;
        _context = context;
        ConnectedAt = context.TimeProvider.GetUtcNow();
    }

    /// <summary>Starts the handshake timeout (call once, before <see cref="RunAsync"/>): no api_version in time closes with 1008.</summary>
    public void StartHandshakeClock() =>
        _handshakeTimer = _context.TimeProvider.CreateTimer(static state => ((EmulatorConnection)state!).HandshakeTimedOut(),
            this, _context.HandshakeTimeout, Timeout.InfiniteTimeSpan);

    public string Id { get; }

    public string Remote { get; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>What the API shows for this connection now (safe from any thread).</summary>
    public ConnectionSummary Describe()
    {
        var ticks = Interlocked.Read(ref _lastFrameTicks);
        return new ConnectionSummary(Id, Remote, _role, ConnectedAt,
            ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero), Interlocked.Read(ref _frames));
    }

    /// <summary>True after <c>controller_set "Z"</c>.</summary>
    public bool IsSensor { get; private set; }

    private ILogger Logger => _context.Logger;

    private RaceEngine Race => _context.Race;

    /// <summary>Queues a frame; false when the connection is closing or its outbox is full.</summary>
    public bool TrySend(Message message) => _outbox.Writer.TryWrite(MessageCodec.ToUtf8(message));

    /// <summary>Serves the connection until it closes; returns why (see <see cref="DescribeClose"/>).</summary>
    public async Task<CloseReason> RunAsync(CancellationToken cancellationToken)
    {
        var writer = WriteLoopAsync(cancellationToken);
        CloseReason reason;
        try
        {
            reason = await ReadLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Volatile.Read(ref _closeRequested) == 1 && ex is OperationCanceledException or ObjectDisposedException)
        {
            // The peer did not answer our close in time and the socket was aborted.
            reason = _closeRequest.Reason;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = CloseReason.ServerStopping;
        }
        _outbox.Writer.TryComplete();
        await writer.ConfigureAwait(false);
        if (_handshakeTimer is not null)
        {
            await _handshakeTimer.DisposeAsync().ConfigureAwait(false);
        }
        if (Volatile.Read(ref _closeRequested) == 1)
        {
            reason = _closeRequest.Reason;
        }
        await CloseAsync(reason, cancellationToken).ConfigureAwait(false);
        if (_abortTimer is not null)
        {
            await _abortTimer.DisposeAsync().ConfigureAwait(false);
        }
        return reason;
    }

    /// <summary>
    /// Closes from the server's side while the read loop runs: the write loop (the only sender) sends the close
    /// frame after what is queued, and the socket is aborted if the peer does not answer it in time.
    /// </summary>
    private void RequestClose(WebSocketCloseStatus status, string text, CloseReason reason)
    {
        if (Interlocked.CompareExchange(ref _closeRequested, 1, 0) != 0)
        {
            return;
        }
        _closeRequest = (status, text, reason);
        _outbox.Writer.TryComplete();
    }

    private void HandshakeTimedOut()
    {
        var seconds = _context.HandshakeTimeout.TotalSeconds;
        Violate(ViolationKinds.HandshakeTimeout, $"no api_version within {seconds:0.###} s of connecting; closing this connection with 1008");
        RequestClose(WebSocketCloseStatus.PolicyViolation, $"no api_version within {seconds:0.###} s", CloseReason.HandshakeTimeout);
    }

    private async Task SendRequestedCloseAsync(CancellationToken cancellationToken)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        var (status, text, _) = _closeRequest;
        // Armed before the close goes out, so the peer cannot see the close before the clock runs.
        _abortTimer = _context.TimeProvider.CreateTimer(static state => ((WebSocket)state!).Abort(), _socket, CloseHandshakeTimeout, Timeout.InfiniteTimeSpan);
        await _socket.CloseOutputAsync(status, text, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CloseReason> ReadLoopAsync(CancellationToken cancellationToken)
    {
        using var reader = new WebSocketMessageReader(_socket, _context.MaxFrameBytes);
        while (true)
        {
            WebSocketMessage frame;
            try
            {
                frame = await reader.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketMessageTooLargeException ex)
            {
                Violate(ViolationKinds.TooLarge, $"{ex.Message}; closing this connection with 1009");
                return CloseReason.TooLarge;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException)
            {
                EmulatorLog.ConnectionFailed(Logger, Id, ex.Message);
                return CloseReason.Aborted;
            }
            if (frame.IsClose)
            {
                return CloseReason.PeerClosed;
            }
            Interlocked.Increment(ref _frames);
            Interlocked.Exchange(ref _lastFrameTicks, _context.TimeProvider.GetUtcNow().UtcTicks);
            if (frame.Kind == WebSocketMessageType.Binary)
            {
                Violate(ViolationKinds.BinaryFrame, $"binary frame of {frame.Payload.Length} bytes ignored; SmartRace frames are text");
                continue;
            }
            if (!MessageCodec.TryParse(frame.Payload, out var message, out var error, _context.MaxFrameBytes))
            {
                Violate(ViolationKinds.From(error!.Kind), error.Message);
                continue;
            }
            if (await HandleAsync(message!, cancellationToken).ConfigureAwait(false))
            {
                return CloseReason.Fault;
            }
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
                {
                    continue;
                }
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
            if (Volatile.Read(ref _closeRequested) == 1)
            {
                await SendRequestedCloseAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the server is stopping: the read loop reports it.
            _outbox.Writer.TryComplete();
        }
    }

    private async Task CloseAsync(CloseReason reason, CancellationToken cancellationToken)
    {
        var (status, text) = reason switch
        {
            CloseReason.TooLarge => (WebSocketCloseStatus.MessageTooBig, $"frame over {_context.MaxFrameBytes} bytes"),
            CloseReason.Fault => (WebSocketCloseStatus.EndpointUnavailable, "fault: close after analog frames"),
            CloseReason.ServerStopping => (WebSocketCloseStatus.EndpointUnavailable, "emulator stopping"),
            CloseReason.HandshakeTimeout => (_closeRequest.Status, _closeRequest.Text),
            _ => (WebSocketCloseStatus.NormalClosure, ""),
        };
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        using var timeout = new CancellationTokenSource(CloseHandshakeTimeout, _context.TimeProvider);
        try
        {
            await _socket.CloseOutputAsync(status, text, timeout.Token).ConfigureAwait(false);
            if (reason is CloseReason.TooLarge or CloseReason.Fault && !cancellationToken.IsCancellationRequested)
            {
                // Wait for the peer's close so it reads ours cleanly; discard whatever it still sends.
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
                var discard = new byte[4096];
                while (_socket.State == WebSocketState.CloseSent)
                {
                    await _socket.ReceiveAsync(discard.AsMemory(), linked.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing is best effort; the socket is aborted by the server afterwards.
        }
    }

    private void Violate(string kind, string message)
    {
        Race.AddViolation(Id, kind, message);
        EmulatorLog.Violation(Logger, Id, kind, message);
    }

    public static string DescribeClose(CloseReason reason) => reason switch
    {
        CloseReason.PeerClosed => "closed by peer",
        CloseReason.Aborted => "connection lost",
        CloseReason.TooLarge => "closed with 1009: frame too large",
        CloseReason.Fault => "closed by fault switch",
        CloseReason.HandshakeTimeout => "closed with 1008: no api_version within the handshake timeout",
        _ => "emulator stopping",
    };
}
