using System.Net;
using System.Net.Sockets;

namespace LapGate.Faults.Tests.Support;

/// <summary>
/// A TCP relay on 127.0.0.1 port 0 in front of a target port: it forwards bytes both ways and can be told to
/// go silent (keep the connections open but forward nothing: a half-open link) or to cut every connection
/// with a reset. The target can be changed (an app restarted on another port).
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<RelayedConnection> _open = [];
    private readonly Task _accepting;
    private int _target;
    private int _accepted;

    public TcpRelay(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri WebSocketUri => new($"ws://127.0.0.1:{Port}/");

    /// <summary>Where new connections go.</summary>
    public int TargetPort
    {
        get => Volatile.Read(ref _target);
        set => Volatile.Write(ref _target, value);
    }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Every open connection stops forwarding (bytes are read and dropped; nothing is closed). New connections forward normally.</summary>
    public void SilenceOpenConnections()
    {
        foreach (var c in Snapshot())
        {
            c.Silent = true;
        }
    }

    /// <summary>Resets every open connection (TCP RST on both sides, no close frame).</summary>
    public void CutOpenConnections()
    {
        foreach (var c in Snapshot())
        {
            c.Reset();
        }
    }

    private RelayedConnection[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _open];
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
            Interlocked.Increment(ref _accepted);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, TargetPort, _stop.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Dispose();
            upstream.Dispose();
            return;
        }
        var connection = new RelayedConnection(client, upstream);
        lock (_gate)
        {
            _open.Add(connection);
        }
        try
        {
            await connection.RunAsync(_stop.Token);
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(connection);
            }
            connection.Reset();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        CutOpenConnections();
        _stop.Dispose();
    }
}
