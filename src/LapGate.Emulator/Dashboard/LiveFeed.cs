using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using LapGate.Emulator.Api;
using LapGate.Emulator.Connections;
using Microsoft.AspNetCore.Http;

namespace LapGate.Emulator.Dashboard;

/// <summary>
/// The dashboard's push stream, <c>GET /api/events</c> (Server-Sent Events). Each stream first gets
/// the full state, then the full state again after every race or connection change and at least
/// every <see cref="Heartbeat"/> (so ages tick and a dead stream is noticed). A burst of changes is
/// coalesced: each stream has a one-slot signal channel, so a slow browser gets the newest state,
/// never a backlog.
/// </summary>
internal sealed class LiveFeed
{
    /// <summary>Longest time between two updates on a stream.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private static readonly byte[] Preamble = Encoding.UTF8.GetBytes("retry: 1000\n\n");
    private static readonly byte[] EventStart = Encoding.UTF8.GetBytes("event: update\ndata: ");
    private static readonly byte[] EventEnd = Encoding.UTF8.GetBytes("\n\n");

    private readonly EmulatorContext _context;
    private readonly CancellationToken _stopping;
    private readonly ConcurrentDictionary<Subscriber, byte> _subscribers = new();

    public LiveFeed(EmulatorContext context, CancellationToken stopping)
    {
        _context = context;
        _stopping = stopping;
        context.Race.Changed += (_, _) => SignalAll();
        context.Connections.Changed += SignalAll;
    }

    /// <summary>Open streams.</summary>
    public int Count => _subscribers.Count;

    /// <summary>Ends every open stream (the pages reconnect by themselves); returns how many.</summary>
    public int DropAll()
    {
        var dropped = 0;
        foreach (var subscriber in _subscribers.Keys)
        {
            try
            {
                subscriber.Drop.Cancel();
                dropped++;
            }
            catch (ObjectDisposedException)
            {
                // That stream ended on its own meanwhile.
            }
        }
        return dropped;
    }

    public async Task ServeAsync(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        using var subscriber = new Subscriber();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping, subscriber.Drop.Token);
        var token = linked.Token;
        _subscribers.TryAdd(subscriber, 0);
        using var heartbeat = _context.TimeProvider.CreateTimer(_ => subscriber.Signal(), null, Heartbeat, Heartbeat);
        try
        {
            await http.Response.Body.WriteAsync(Preamble, token).ConfigureAwait(false);
            subscriber.Signal();
            while (await subscriber.Signals.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                subscriber.Signals.Reader.TryRead(out _);
                await WriteUpdateAsync(http.Response.Body, token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The browser left, the emulator is stopping, or the stream was dropped on purpose.
        }
        finally
        {
            _subscribers.TryRemove(subscriber, out _);
        }
    }

    private async Task WriteUpdateAsync(Stream body, CancellationToken cancellationToken)
    {
        var update = new LiveUpdate(_context.TimeProvider.GetUtcNow(), _context.Race.Snapshot(), _context.Connections.Describe());
        await body.WriteAsync(EventStart, cancellationToken).ConfigureAwait(false);
        // Compact JSON has no raw newline, so it is one SSE data line.
        await JsonSerializer.SerializeAsync(body, update, EmulatorJsonContext.Default.LiveUpdate, cancellationToken).ConfigureAwait(false);
        await body.WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private void SignalAll()
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Signal();
        }
    }

    private sealed class Subscriber : IDisposable
    {
        // One slot, newest wins: a signal only says "send the state now".
        public Channel<bool> Signals { get; } = Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

        public CancellationTokenSource Drop { get; } = new();

        public void Signal() => Signals.Writer.TryWrite(true);

        public void Dispose() => Drop.Dispose();
    }
}
