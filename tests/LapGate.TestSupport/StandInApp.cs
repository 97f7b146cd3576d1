using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;

namespace LapGate.TestSupport;

/// <summary>
/// A scripted SmartRace app (not the emulator): a real WebSocket server on 127.0.0.1 port 0 that every test of a
/// WebSocket client talks to. It answers api_version as its <see cref="StandInScript"/> says, answers closes, records
/// every frame (all of them per <see cref="StandInConnection"/>, the text ones in <see cref="Frames"/>), cuts connections
/// as the script says, and lets a test send any frame at any time or refuse handshakes. It writes the HTTP upgrade
/// itself on a raw TCP listener, so a script can also reset a connection or leave it hanging.
/// </summary>
public sealed class StandInApp : IAsyncDisposable
{
    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly StandInScript _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<StandInConnection> _connections = Channel.CreateUnbounded<StandInConnection>();
    private readonly List<Frame> _frames = [];
    private readonly List<Exception> _errors = [];
    private readonly List<Task> _serving = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connectionCount;
    private int _eventFrames;
    private int _closeFrames;
    private int _refuse;
    private long _sequence;

    /// <param name="script">What the app does (default: a <see cref="StandInScript"/> as it comes).</param>
    /// <param name="clock">The clock of each <see cref="Frame.At"/> (default: the system's).</param>
    public StandInApp(StandInScript? script = null, TimeProvider? clock = null)
    {
        _script = script ?? new StandInScript();
        Clock = clock ?? TimeProvider.System;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    /// <summary>Where to connect: <c>ws://127.0.0.1:PORT/app</c>.</summary>
    public Uri Url => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/app");

    /// <summary>WebSocket connections accepted so far (refused handshakes not counted).</summary>
    public int Connections => Volatile.Read(ref _connectionCount);

    /// <summary>Close frames received from peers (each answered unless the script says not to).</summary>
    public int CloseFrames => Volatile.Read(ref _closeFrames);

    /// <summary>The text frames received on all connections, in order (not those dropped after a <see cref="Cut"/>).</summary>
    public IReadOnlyList<Frame> Frames
    {
        get
        {
            lock (_gate)
            {
                return _frames.ToArray();
            }
        }
    }

    /// <summary>Unexpected errors inside the stand-in (a test should see none).</summary>
    public IReadOnlyList<Exception> Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToArray();
            }
        }
    }

    internal TimeProvider Clock { get; }

    /// <summary>Completes when the app stops: connections left silent by the script end then.</summary>
    internal Task Released => _released.Task;

    /// <summary>The next <paramref name="count"/> WebSocket handshakes get HTTP 503.</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuse, count);

    /// <summary>The next connection the app accepted (in the order they came).</summary>
    public Task<StandInConnection> NextConnectionAsync() => _connections.Reader.ReadAsync().Within();

    /// <summary>Waits until <paramref name="condition"/> holds over <see cref="Frames"/> (fails after <see cref="Wait.Limit"/>, listing them).</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<Frame>, bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var limit = Wait.LimitToken();
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
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"stand-in app: timed out waiting for {what}; received:\n" + string.Join("\n", Frames));
            }
        }
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>Records a data frame; returns the event frames received so far on all connections.</summary>
    internal int Record(Frame frame)
    {
        int events;
        lock (_gate)
        {
            if (frame.Kind == WebSocketMessageType.Text)
            {
                _frames.Add(frame);
                if (frame.Text.Contains("\"analog_", StringComparison.Ordinal))
                {
                    _eventFrames++;
                }
            }
            events = _eventFrames;
        }
        Pulse();
        return events;
    }

    internal void CloseReceived()
    {
        Interlocked.Increment(ref _closeFrames);
        Pulse();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket tcp;
            try
            {
                tcp = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_gate)
            {
                _serving.Add(ServeAsync(tcp));
            }
        }
    }

    private async Task ServeAsync(Socket tcp)
    {
        using var stream = new NetworkStream(tcp, ownsSocket: true);
        try
        {
            var (path, key) = await ReadRequestAsync(stream, _stop.Token);
            if (key is null)
            {
                await RespondAsync(stream, "400 Bad Request", "", _stop.Token);
                return;
            }
            if (Interlocked.Decrement(ref _refuse) >= 0)
            {
                await RespondAsync(stream, "503 Service Unavailable", "", _stop.Token);
                return;
            }
            Interlocked.Exchange(ref _refuse, 0);
            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + WebSocketGuid)));
            await RespondAsync(stream, "101 Switching Protocols", $"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n", _stop.Token);
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true });
            var connection = new StandInConnection(this, _script, socket, tcp, Interlocked.Increment(ref _connectionCount), path);
            _connections.Writer.TryWrite(connection);
            Pulse();
            await connection.RunAsync(_stop.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or SocketException or ObjectDisposedException)
        {
            // The peer went away or the test ended.
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _errors.Add(ex);
            }
        }
    }

    /// <summary>The request target and Sec-WebSocket-Key of an HTTP upgrade request (a null key when it is no WebSocket request).</summary>
    private static async Task<(string Path, string? Key)> ReadRequestAsync(NetworkStream stream, CancellationToken stop)
    {
        var request = new StringBuilder();
        var one = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, stop) == 0)
            {
                throw new IOException("the client left during the upgrade");
            }
            request.Append((char)one[0]);
        }
        var lines = request.ToString().Split("\r\n");
        var target = lines[0].Split(' ') is [_, var t, ..] ? t : "/";
        string? Header(string name) => lines.Skip(1)
            .Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim()).FirstOrDefault();
        var upgrade = string.Equals(Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase);
        return (target, upgrade ? Header("Sec-WebSocket-Key") : null);
    }

    private static async Task RespondAsync(NetworkStream stream, string status, string headers, CancellationToken stop)
    {
        var extra = status.StartsWith("101", StringComparison.Ordinal) ? "" : "Content-Length: 0\r\nConnection: close\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{headers}{extra}\r\n"), stop);
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
        _released.TrySetResult();
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.Within();
        Task[] serving;
        lock (_gate)
        {
            serving = [.. _serving];
        }
        await Task.WhenAll(serving).Within();
        _connections.Writer.TryComplete();
        _stop.Dispose();
    }
}
