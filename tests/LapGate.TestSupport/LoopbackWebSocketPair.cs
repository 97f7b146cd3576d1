using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace LapGate.TestSupport;

/// <summary>
/// Two real WebSockets joined by a TCP connection on 127.0.0.1 (no HTTP upgrade: both ends are
/// created over the connected streams). For testing frame-level code against the real protocol.
/// </summary>
public sealed class LoopbackWebSocketPair : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly TcpClient _server;

    private LoopbackWebSocketPair(TcpClient client, TcpClient server)
    {
        _client = client;
        _server = server;
        Client = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false });
        Server = WebSocket.CreateFromStream(server.GetStream(), new WebSocketCreationOptions { IsServer = true });
    }

    /// <summary>The client end.</summary>
    public WebSocket Client { get; }

    /// <summary>The server end.</summary>
    public WebSocket Server { get; }

    public static async Task<LoopbackWebSocketPair> CreateAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var client = new TcpClient();
            var accept = listener.AcceptTcpClientAsync();
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
            return new LoopbackWebSocketPair(client, await accept);
        }
        finally
        {
            listener.Stop();
        }
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        Server.Dispose();
        _client.Dispose();
        _server.Dispose();
        return ValueTask.CompletedTask;
    }
}
