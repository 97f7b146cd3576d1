using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Transport;

namespace LapGate.Bridge.Tests.Support;

/// <summary>One connection to the <see cref="StandInApp"/>.</summary>
public sealed class StandInConnection
{
    private readonly Channel<Frame> _received = Channel.CreateUnbounded<Frame>();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _clock;
    private readonly TaskCompletionSource _ignoreForever = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<long> _next;

    internal StandInConnection(WebSocket socket, string path, TimeProvider clock, Func<long> next)
    {
        _next = next;
        AcceptedAt = next();
        Socket = socket;
        Path = path;
        _clock = clock;
    }

    public WebSocket Socket { get; }

    /// <summary>Position of the accept among everything this stand-in saw.</summary>
    public long AcceptedAt { get; }

    /// <summary>Position of the peer's close among everything this stand-in saw (0 until then).</summary>
    public long ClosedAt { get; private set; }

    /// <summary>The request path and query the connection asked for.</summary>
    public string Path { get; }

    /// <summary>When set, the stand-in closes with this after receiving that many frames.</summary>
    public (int AfterFrames, int Code, string Reason)? CloseAfter { get; set; }

    /// <summary>Whether a peer's close is answered.</summary>
    public bool AnswerCloses { get; set; } = true;

    /// <summary>Completes when the handler is done with the socket.</summary>
    public Task Ended => _ended.Task;

    public Task<Frame> ReceiveAsync() => _received.Reader.ReadAsync().AsTask().Within();

    public async Task<string> ReceiveTextAsync()
    {
        var frame = await ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Text, frame.Kind);
        return frame.Text;
    }

    public Task SendTextAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None).Within();

    public Task SendBinaryAsync(byte[] data) =>
        Socket.SendAsync(data, WebSocketMessageType.Binary, true, CancellationToken.None).Within();

    public Task CloseAsync(int code, string reason) =>
        Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).Within();

    /// <summary>Lets a connection that ignores closes end (the app stops).</summary>
    internal void Release() => _ignoreForever.TrySetResult();

    internal async Task RunAsync()
    {
        using var reader = new WebSocketMessageReader(Socket, 1024 * 1024);
        var count = 0;
        try
        {
            while (true)
            {
                WebSocketMessage message;
                try
                {
                    message = await reader.ReceiveAsync(CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    return; // The peer vanished; tests look at what arrived before.
                }
                var frame = new Frame(message.Kind, message.Payload.ToArray(), (int?)message.CloseStatus, message.CloseDescription, _clock.GetUtcNow(), _next());
                if (message.IsClose)
                {
                    ClosedAt = frame.Sequence;
                }
                await _received.Writer.WriteAsync(frame);
                if (message.IsClose)
                {
                    if (!AnswerCloses)
                    {
                        await _ignoreForever.Task;
                    }
                    if (Socket.State == WebSocketState.CloseReceived)
                    {
                        await Socket.CloseOutputAsync(message.CloseStatus ?? WebSocketCloseStatus.Empty,
                            message.CloseStatus is null ? null : message.CloseDescription, CancellationToken.None);
                    }
                    return;
                }
                count++;
                if (message.Kind == WebSocketMessageType.Text
                    && MessageCodec.TryParse(message.Payload, out var parsed, out _)
                    && parsed is ApiVersionRequest)
                {
                    foreach (var reply in StandInApp.HandshakeReplies)
                    {
                        await SendTextAsync(reply);
                    }
                }
                if (CloseAfter is { } close && count == close.AfterFrames)
                {
                    await CloseAsync(close.Code, close.Reason);
                }
            }
        }
        finally
        {
            _received.Writer.TryComplete();
            _ended.TrySetResult();
        }
    }
}
