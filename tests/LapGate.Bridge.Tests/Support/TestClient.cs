using System.Text;
using LapGate.Protocol.Transport;

namespace LapGate.Bridge.Tests.Support;

/// <summary>A real <see cref="ClientWebSocket"/> playing the sensor.</summary>
public sealed class TestClient : IDisposable
{
    private readonly WebSocketMessageReader _reader;

    private TestClient(ClientWebSocket socket)
    {
        Socket = socket;
        _reader = new WebSocketMessageReader(socket, 1024 * 1024);
    }

    public ClientWebSocket Socket { get; }

    public static async Task<TestClient> ConnectAsync(Uri uri)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, CancellationToken.None).Within();
        return new TestClient(socket);
    }

    public Task SendTextAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None).Within();

    public Task SendBinaryAsync(byte[] data) =>
        Socket.SendAsync(data, WebSocketMessageType.Binary, true, CancellationToken.None).Within();

    public async Task<Frame> ReceiveAsync()
    {
        var message = await _reader.ReceiveAsync(CancellationToken.None).AsTask().Within();
        return new Frame(message.Kind, message.Payload.ToArray(), (int?)message.CloseStatus, message.CloseDescription, DateTimeOffset.UtcNow);
    }

    public async Task<string> ReceiveTextAsync()
    {
        var frame = await ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Text, frame.Kind);
        return frame.Text;
    }

    public void Dispose()
    {
        _reader.Dispose();
        Socket.Dispose();
    }
}
