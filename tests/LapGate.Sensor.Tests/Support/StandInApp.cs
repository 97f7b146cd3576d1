using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using LapGate.Protocol.Transport;

namespace LapGate.Sensor.Tests.Support;

/// <summary>
/// A scripted SmartRace stand-in (not the emulator): a real WebSocket server on 127.0.0.1 port 0, written on a
/// raw TCP listener, that records what the sensor sends and cuts connections as its script says.
/// </summary>
public sealed class StandInApp : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly StandInScript _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ReceivedFrame> _frames = [];
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _accepting;
    private int _connectionCount;
    private int _eventFrames;
    private int _closeFrames;

    public StandInApp(StandInScript? script = null)
    {
        _script = script ?? new StandInScript();
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public Uri Url => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Connections => Volatile.Read(ref _connectionCount);

    /// <summary>Close frames received from the sensor (each answered with a close reply).</summary>
    public int CloseFrames => Volatile.Read(ref _closeFrames);

    public IReadOnlyList<ReceivedFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return _frames.ToArray();
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the received frames (fails after 15 s).</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<ReceivedFrame>, bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_frames))
                {
                    return;
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"stand-in app: timed out waiting for {what}; received:\n" + string.Join("\n", Frames));
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var number = Interlocked.Increment(ref _connectionCount);
            lock (_gate)
            {
                _connections.Add(ServeAsync(client, number));
            }
            Pulse();
        }
    }

    private async Task ServeAsync(TcpClient client, int number)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            await UpgradeAsync(stream);
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true });
            using var reader = new WebSocketMessageReader(socket);
            while (true)
            {
                var message = await reader.ReceiveAsync(_stop.Token);
                if (message.IsClose)
                {
                    // Like the app's WebSocket layer: answer the close, then end the connection.
                    Interlocked.Increment(ref _closeFrames);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", _stop.Token);
                    Pulse();
                    return;
                }
                var text = message.Text;
                int events;
                lock (_gate)
                {
                    _frames.Add(new ReceivedFrame(number, text));
                    events = text.Contains("\"analog_", StringComparison.Ordinal) ? ++_eventFrames : _eventFrames;
                }
                Pulse();
                if (text.Contains("\"api_version\"", StringComparison.Ordinal) && _script.Answer)
                {
                    foreach (var reply in _script.Replies)
                    {
                        await socket.SendAsync(Encoding.UTF8.GetBytes(reply), WebSocketMessageType.Text, true, _stop.Token);
                    }
                }
                if (text.Contains("\"controller_set\"", StringComparison.Ordinal))
                {
                    foreach (var frame in _script.AfterRegistration)
                    {
                        await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, _stop.Token);
                    }
                }
                switch (_script.CutAfter(number, events))
                {
                    case Cut.WithCloseFrame:
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "stand-in cut", _stop.Token);
                        // Like the app: drop whatever still arrives until the sensor goes away.
                        while (!(await reader.ReceiveAsync(_stop.Token)).IsClose)
                        {
                        }
                        return;
                    case Cut.WithoutCloseFrame:
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    case Cut.GoSilent:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        return;
                    default:
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or SocketException)
        {
            // The sensor went away or the test ended.
        }
    }

    private static async Task UpgradeAsync(NetworkStream stream)
    {
        var request = new StringBuilder();
        var one = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("client left during the upgrade");
            }
            request.Append((char)one[0]);
        }
        var key = request.ToString().Split("\r\n")
            .First(l => l.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
    }

    private void Pulse()
    {
        TaskCompletionSource old;
        lock (_gate)
        {
            old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        old.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.WaitAsync(TimeSpan.FromSeconds(10));
        Task[] connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }
        await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }
}
