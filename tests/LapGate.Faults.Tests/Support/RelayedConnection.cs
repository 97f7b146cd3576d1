using System.Net.Sockets;

namespace LapGate.Faults.Tests.Support;

/// <summary>One client ↔ upstream pair of <see cref="TcpRelay"/>.</summary>
internal sealed class RelayedConnection(TcpClient client, TcpClient upstream)
{
    private int _reset;

    public volatile bool Silent;

    public async Task RunAsync(CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var up = PumpAsync(client.GetStream(), upstream.GetStream(), done.Token);
        var down = PumpAsync(upstream.GetStream(), client.GetStream(), done.Token);
        await Task.WhenAny(up, down);
        await done.CancelAsync();
        await Task.WhenAll(up, down);
    }

    /// <summary>Closes both sockets with a reset (linger 0).</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _reset, 1) != 0)
        {
            return;
        }
        foreach (var socket in (TcpClient[])[client, upstream])
        {
            try
            {
                socket.Client.LingerState = new LingerOption(true, 0);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already closed.
            }
            socket.Dispose();
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var n = await from.ReadAsync(buffer, ct);
                if (n == 0)
                {
                    return;
                }
                if (!Silent)
                {
                    await to.WriteAsync(buffer.AsMemory(0, n), ct);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The pair is over.
        }
    }
}
