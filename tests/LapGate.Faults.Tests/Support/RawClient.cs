using System.Text;
using LapGate.Protocol.Transport;

namespace LapGate.Faults.Tests.Support;

/// <summary>A bare WebSocket client for load and fuzz tests.</summary>
public sealed class RawClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private WebSocketMessageReader? _reader;

    public WebSocket Socket => _socket;

    public static async Task<RawClient> ConnectAsync(Uri uri)
    {
        var client = new RawClient();
        using var limit = Wait.LimitToken();
        await client._socket.ConnectAsync(uri, limit.Token);
        client._reader = new WebSocketMessageReader(client._socket, 1 << 20);
        return client;
    }

    /// <summary>api_version, then reads until the app's api_version reply.</summary>
    public async Task HandshakeAsync()
    {
        await SendTextAsync(MessageCodec.Serialize(new ApiVersionRequest()));
        using var limit = Wait.LimitToken();
        while (true)
        {
            var frame = await _reader!.ReceiveAsync(limit.Token);
            Assert.False(frame.IsClose, "closed during the handshake");
            if (MessageCodec.TryParse(frame.Payload, out var message, out _) && message is ApiVersionReply)
            {
                return;
            }
        }
    }

    /// <summary>The next frame (a close frame too).</summary>
    public async Task<WebSocketMessage> ReceiveAsync()
    {
        using var limit = Wait.LimitToken();
        return await _reader!.ReceiveAsync(limit.Token);
    }

    public Task SendAsync(Message message) => SendTextAsync(MessageCodec.Serialize(message));

    public Task SendTextAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public async Task SendBytesAsync(byte[] bytes, WebSocketMessageType kind)
    {
        using var limit = Wait.LimitToken();
        await _socket.SendAsync(bytes, kind, true, limit.Token);
    }

    /// <summary>
    /// Closes with a close handshake, reading (and dropping) whatever the server still sends, so every frame sent
    /// before is read by the server. (Aborting a socket with unread incoming data resets the TCP connection, and a
    /// reset may discard frames the server has not read yet.)
    /// </summary>
    public async Task CloseGracefullyAsync()
    {
        using var limit = Wait.LimitToken();
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", limit.Token);
        while (!(await _reader!.ReceiveAsync(limit.Token)).IsClose)
        {
            // Broadcasts still in flight before the server's close frame.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        _reader?.Dispose();
        await Task.CompletedTask;
    }
}
