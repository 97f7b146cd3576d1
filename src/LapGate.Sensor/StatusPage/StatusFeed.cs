using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace LapGate.Sensor.StatusPage;

/// <summary>
/// The page's push stream, <c>GET /api/events</c> (Server-Sent Events): the whole state first, then again after
/// every change and at least every <see cref="Heartbeat"/> (so ages tick and a dead stream is noticed). A burst of
/// changes is coalesced: each stream has a one-slot signal, so a slow phone gets the newest state, never a backlog.
/// </summary>
internal sealed class StatusFeed
{
    /// <summary>Longest time between two updates on a stream.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private static readonly byte[] Preamble = Encoding.UTF8.GetBytes("retry: 1000\n\n");
    private static readonly byte[] EventStart = Encoding.UTF8.GetBytes("event: update\ndata: ");
    private static readonly byte[] EventEnd = Encoding.UTF8.GetBytes("\n\n");

    private readonly Func<StatusUpdate> _state;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly ConcurrentDictionary<Subscriber, byte> _subscribers = new();

    public StatusFeed(Func<StatusUpdate> state, TimeProvider time, CancellationToken stopping)
    {
        _state = state;
        _time = time;
        _stopping = stopping;
    }

    /// <summary>Open streams.</summary>
    public int Count => _subscribers.Count;

    /// <summary>Something changed: every stream sends the state now.</summary>
    public void SignalAll()
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Signal();
        }
    }

    public async Task ServeAsync(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }
        var subscriber = new Subscriber();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping);
        var token = linked.Token;
        _subscribers.TryAdd(subscriber, 0);
        using var heartbeat = _time.CreateTimer(_ => subscriber.Signal(), null, Heartbeat, Heartbeat);
        try
        {
            await http.Response.Body.WriteAsync(Preamble, token).ConfigureAwait(false);
            subscriber.Signal();
            while (await subscriber.Signals.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                subscriber.Signals.Reader.TryRead(out _);
                await http.Response.Body.WriteAsync(EventStart, token).ConfigureAwait(false);
                // Compact JSON has no raw newline, so it is one SSE data line.
                await JsonSerializer.SerializeAsync(http.Response.Body, _state(), StatusJsonContext.Default.StatusUpdate, token).ConfigureAwait(false);
                await http.Response.Body.WriteAsync(EventEnd, token).ConfigureAwait(false);
                await http.Response.Body.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The phone left or the sensor is stopping.
        }
        finally
        {
            _subscribers.TryRemove(subscriber, out _);
        }
    }

    private sealed class Subscriber
    {
        // One slot, newest wins: a signal only says "send the state now".
        public Channel<bool> Signals { get; } = Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

        public void Signal() => Signals.Writer.TryWrite(true);
    }
}
