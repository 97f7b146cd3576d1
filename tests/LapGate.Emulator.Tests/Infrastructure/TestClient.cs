using LapGate.Protocol.Codec;
using LapGate.Protocol.Transport;

namespace LapGate.Emulator.Tests.Infrastructure;

/// <summary>A real <see cref="ClientWebSocket"/> talking to the emulator, with short helpers.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly WebSocketMessageReader _reader;

    private TestClient(ClientWebSocket socket)
    {
        _socket = socket;
        _reader = new WebSocketMessageReader(socket, 1 << 20);
    }

    public WebSocket Socket => _socket;

    public static async Task<TestClient> ConnectAsync(Uri uri)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, CancellationToken.None).Within();
        return new TestClient(socket);
    }

    public Task SendAsync(Message message) => SendTextAsync(MessageCodec.Serialize(message));

    public async Task SendTextAsync(string text) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None).Within();

    public async Task SendBinaryAsync(byte[] bytes) =>
        await _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None).Within();

    /// <summary>The next frame, parsed; fails on a close.</summary>
    public async Task<Message> ReceiveAsync()
    {
        var frame = await ReceiveFrameAsync();
        Assert.False(frame.IsClose, $"expected a frame, got close {frame.CloseStatus} {frame.CloseDescription}");
        return MessageCodec.Parse(frame.Payload);
    }

    /// <summary>The next frame's text exactly as sent.</summary>
    public async Task<string> ReceiveTextAsync()
    {
        var frame = await ReceiveFrameAsync();
        Assert.False(frame.IsClose, $"expected a frame, got close {frame.CloseStatus}");
        return frame.Text;
    }

    public async Task<WebSocketMessage> ReceiveFrameAsync()
    {
        using var timeout = Wait.LimitToken();
        return await _reader.ReceiveAsync(timeout.Token);
    }

    /// <summary>Sends api_version and returns the three replies.</summary>
    public async Task<IReadOnlyList<Message>> HandshakeAsync()
    {
        await SendAsync(new ApiVersionRequest());
        return [await ReceiveAsync(), await ReceiveAsync(), await ReceiveAsync()];
    }

    /// <summary>Handshake, then controller_set "Z".</summary>
    public async Task RegisterAsync()
    {
        await HandshakeAsync();
        await SendAsync(new ControllerSet(ControllerSet.AnalogSensor));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = Wait.LimitToken();
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The server may already be gone.
        }
        _reader.Dispose();
        _socket.Dispose();
    }
}
