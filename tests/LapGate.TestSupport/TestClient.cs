using System.Net.WebSockets;
using System.Text;
using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;
using LapGate.Protocol.Transport;
using Xunit;

namespace LapGate.TestSupport;

/// <summary>
/// A real <see cref="ClientWebSocket"/> playing the sensor (or a stray client) against the emulator or the bridge.
/// Every send and receive is bounded by <see cref="Wait.Limit"/>. Two ways to end it: <c>await using</c>
/// (<see cref="DisposeAsync"/>) closes with a close handshake; <c>using</c> (<see cref="Dispose"/>) drops the
/// connection without one, as a pulled cable does.
/// </summary>
public sealed class TestClient : IDisposable, IAsyncDisposable
{
    private readonly WebSocketMessageReader _reader;

    private TestClient(ClientWebSocket socket)
    {
        Socket = socket;
        _reader = new WebSocketMessageReader(socket, 1 << 20);
    }

    public ClientWebSocket Socket { get; }

    public static async Task<TestClient> ConnectAsync(Uri uri)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var limit = Wait.LimitToken();
            await socket.ConnectAsync(uri, limit.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new TestClient(socket);
    }

    /// <summary>A connected client that did the handshake and <c>controller_set "Z"</c>.</summary>
    public static async Task<TestClient> ConnectSensorAsync(Uri uri)
    {
        var client = await ConnectAsync(uri);
        await client.RegisterAsync();
        return client;
    }

    public Task SendAsync(Message message) => SendTextAsync(MessageCodec.Serialize(message));

    public Task LapAsync(int controller, long timestamp) => SendAsync(new AnalogLap(timestamp, controller));

    public Task SendTextAsync(string text) => SendBytesAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    public Task SendBinaryAsync(byte[] bytes) => SendBytesAsync(bytes, WebSocketMessageType.Binary);

    public async Task SendBytesAsync(byte[] bytes, WebSocketMessageType kind)
    {
        using var limit = Wait.LimitToken();
        await Socket.SendAsync(bytes, kind, true, limit.Token);
    }

    /// <summary>The next frame (a close frame too).</summary>
    public async Task<Frame> ReceiveAsync()
    {
        using var limit = Wait.LimitToken();
        return ToFrame(await _reader.ReceiveAsync(limit.Token));
    }

    /// <summary>The next frame's text exactly as sent; fails on anything but a text frame.</summary>
    public async Task<string> ReceiveTextAsync()
    {
        var frame = await ReceiveAsync();
        Assert.True(frame.Kind == WebSocketMessageType.Text, $"expected a text frame, got {frame}");
        return frame.Text;
    }

    /// <summary>The next frame, parsed; fails on a close.</summary>
    public async Task<Message> ReceiveMessageAsync()
    {
        var frame = await ReceiveAsync();
        Assert.False(frame.IsClose, $"expected a frame, got close {frame.CloseCode} {frame.CloseReason}");
        return MessageCodec.Parse(frame.Payload);
    }

    /// <summary>Sends api_version and returns the three replies.</summary>
    public async Task<IReadOnlyList<Message>> HandshakeAsync()
    {
        await SendAsync(new ApiVersionRequest());
        return [await ReceiveMessageAsync(), await ReceiveMessageAsync(), await ReceiveMessageAsync()];
    }

    /// <summary>
    /// Sends api_version, then reads until the app's api_version reply, dropping whatever else comes first
    /// (the broadcasts of a busy server).
    /// </summary>
    public async Task HandshakeAmidTrafficAsync()
    {
        await SendAsync(new ApiVersionRequest());
        using var limit = Wait.LimitToken();
        while (true)
        {
            var frame = await _reader.ReceiveAsync(limit.Token);
            Assert.False(frame.IsClose, "closed during the handshake");
            if (MessageCodec.TryParse(frame.Payload, out var message, out _) && message is ApiVersionReply)
            {
                return;
            }
        }
    }

    /// <summary>Handshake, then controller_set "Z".</summary>
    public async Task RegisterAsync()
    {
        await HandshakeAsync();
        await SendAsync(new ControllerSet(ControllerSet.AnalogSensor));
    }

    /// <summary>
    /// Closes with a close handshake, reading (and dropping) whatever the server still sends, so every frame sent
    /// before is read by the server. (Aborting a socket with unread incoming data resets the TCP connection, and a
    /// reset may discard frames the server has not read yet.)
    /// </summary>
    public async Task CloseGracefullyAsync()
    {
        using var limit = Wait.LimitToken();
        await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", limit.Token);
        while (!(await _reader.ReceiveAsync(limit.Token)).IsClose)
        {
            // Broadcasts still in flight before the server's close frame.
        }
    }

    /// <summary>Drops the connection without a close handshake.</summary>
    public void Dispose()
    {
        Socket.Abort();
        Socket.Dispose();
        _reader.Dispose();
    }

    /// <summary>Closes with a close handshake if the connection is still open, then lets go of it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                using var limit = Wait.LimitToken();
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "test done", limit.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The server may already be gone.
        }
        _reader.Dispose();
        Socket.Dispose();
    }

    private static Frame ToFrame(WebSocketMessage message) =>
        new(message.Kind, message.Payload.ToArray(), (int?)message.CloseStatus, message.CloseDescription, DateTimeOffset.UtcNow);
}
