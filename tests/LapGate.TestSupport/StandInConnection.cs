using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Transport;
using Xunit;

namespace LapGate.TestSupport;

/// <summary>One connection to a <see cref="StandInApp"/>: what it received, in order, and a way to send anything back.</summary>
public sealed class StandInConnection
{
    private readonly StandInApp _app;
    private readonly StandInScript _script;
    private readonly Socket _tcp;
    private readonly Channel<Frame> _received = Channel.CreateUnbounded<Frame>();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal StandInConnection(StandInApp app, StandInScript script, WebSocket socket, Socket tcp, int number, string path)
    {
        _app = app;
        _script = script;
        _tcp = tcp;
        Socket = socket;
        Number = number;
        Path = path;
        AcceptedAt = app.NextSequence();
    }

    /// <summary>The app's end of the WebSocket.</summary>
    public WebSocket Socket { get; }

    /// <summary>1 for the first connection the app accepted, 2 for the next, …</summary>
    public int Number { get; }

    /// <summary>The request path and query the connection asked for.</summary>
    public string Path { get; }

    /// <summary>Position of the accept among everything this stand-in saw.</summary>
    public long AcceptedAt { get; }

    /// <summary>Position of the peer's close among everything this stand-in saw (0 until then).</summary>
    public long ClosedAt { get; private set; }

    /// <summary>Completes when the stand-in is done with the connection.</summary>
    public Task Ended => _ended.Task;

    /// <summary>The next frame received on this connection (a close frame too).</summary>
    public Task<Frame> ReceiveAsync() => _received.Reader.ReadAsync().Within();

    public async Task<string> ReceiveTextAsync()
    {
        var frame = await ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Text, frame.Kind);
        return frame.Text;
    }

    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public Task SendBinaryAsync(byte[] data) => SendAsync(data, WebSocketMessageType.Binary);

    public Task CloseAsync(int code, string reason) =>
        Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None).Within();

    private Task SendAsync(byte[] data, WebSocketMessageType kind) => Socket.SendAsync(data, kind, true, CancellationToken.None).Within();

    internal async Task RunAsync(CancellationToken stop)
    {
        using var reader = new WebSocketMessageReader(Socket, 1 << 20);
        var frames = 0;
        try
        {
            while (true)
            {
                var message = await reader.ReceiveAsync(stop);
                var frame = new Frame(message.Kind, message.Payload.ToArray(), (int?)message.CloseStatus, message.CloseDescription,
                    _app.Clock.GetUtcNow(), _app.NextSequence(), Number);
                if (message.IsClose)
                {
                    // Like the app's WebSocket layer: answer the close with the peer's code and reason, then end the connection.
                    ClosedAt = frame.Sequence;
                    _received.Writer.TryWrite(frame);
                    _app.CloseReceived();
                    if (!_script.AnswerCloses)
                    {
                        await _app.Released;
                    }
                    if (Socket.State == WebSocketState.CloseReceived)
                    {
                        await Socket.CloseOutputAsync(message.CloseStatus ?? WebSocketCloseStatus.Empty,
                            message.CloseStatus is null ? null : message.CloseDescription, stop);
                    }
                    return;
                }
                frames++;
                var events = _app.Record(frame);
                _received.Writer.TryWrite(frame);
                await AnswerAsync(frame);
                if (_script.OnFrame is { } onFrame)
                {
                    await onFrame(this, frame);
                }
                if (await CutAsync(_script.CutAfter(new StandInProgress(Number, frames, events)), reader, stop))
                {
                    return;
                }
            }
        }
        finally
        {
            _received.Writer.TryComplete();
            _ended.TrySetResult();
        }
    }

    private async Task AnswerAsync(Frame frame)
    {
        if (frame.Kind != WebSocketMessageType.Text || !MessageCodec.TryParse(frame.Payload, out var message, out _))
        {
            return;
        }
        var replies = message switch
        {
            ApiVersionRequest when _script.Answer => _script.Replies,
            ControllerSet => _script.AfterRegistration,
            _ => [],
        };
        foreach (var reply in replies)
        {
            await SendTextAsync(reply);
        }
    }

    private async Task<bool> CutAsync(Cut cut, WebSocketMessageReader reader, CancellationToken stop)
    {
        switch (cut)
        {
            case Cut.WithCloseFrame:
                await Socket.CloseOutputAsync((WebSocketCloseStatus)_script.CutClose.Code, _script.CutClose.Reason, stop);
                // Like the app: drop whatever still arrives until the peer's close.
                while (!(await reader.ReceiveAsync(stop)).IsClose)
                {
                }
                return true;
            case Cut.WithoutCloseFrame:
                _tcp.LingerState = new LingerOption(true, 0);
                return true;
            case Cut.GoSilent:
                await _app.Released;
                return true;
            default:
                return false;
        }
    }
}
