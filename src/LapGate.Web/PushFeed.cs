using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;

namespace LapGate.Web;

/// <summary>
/// A page's push stream (Server-Sent Events, the emulator's dashboard and the sensor's status page): each stream gets
/// the whole state first, then again after every <see cref="SignalAll"/> and at least every <see cref="Heartbeat"/>
/// (so ages tick and a dead stream is noticed). A burst of changes is coalesced: each stream has a one-slot signal,
/// so a slow browser gets the newest state, never a backlog. A HEAD request gets the headers only.
/// </summary>
public sealed class PushFeed
{
    /// <summary>Longest time between two updates on a stream.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    private static readonly byte[] Preamble = Encoding.UTF8.GetBytes("retry: 1000\n\n");
    private static readonly byte[] EventStart = Encoding.UTF8.GetBytes("event: update\ndata: ");
    private static readonly byte[] EventEnd = Encoding.UTF8.GetBytes("\n\n");

    private readonly Func<Stream, CancellationToken, Task> _writeState;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly ConcurrentDictionary<Subscriber, byte> _subscribers = new();

    /// <param name="writeState">Writes the state as one line (the event's data).</param>
    /// <param name="time">The clock behind the heartbeat.</param>
    /// <param name="stopping">Ends every stream when the server stops.</param>
    public PushFeed(Func<Stream, CancellationToken, Task> writeState, TimeProvider time, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(writeState);
        ArgumentNullException.ThrowIfNull(time);
        _writeState = writeState;
        _time = time;
        _stopping = stopping;
    }

    /// <summary>A feed of <paramref name="state"/> as compact JSON (which has no raw newline, so it is one data line).</summary>
    public static PushFeed Json<T>(Func<T> state, JsonTypeInfo<T> typeInfo, TimeProvider time, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new PushFeed((body, ct) => JsonSerializer.SerializeAsync(body, state(), typeInfo, ct), time, stopping);
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

    /// <summary>Ends every open stream, as a dropped network would (the pages reconnect by themselves); returns how many.</summary>
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

    /// <summary>Serves one stream until the client leaves, the server stops or <see cref="DropAll"/>.</summary>
    public async Task ServeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.ContentType = "text/event-stream; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }
        using var subscriber = new Subscriber();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping, subscriber.Drop.Token);
        var token = linked.Token;
        _subscribers.TryAdd(subscriber, 0);
        using var heartbeat = _time.CreateTimer(_ => subscriber.Signal(), null, Heartbeat, Heartbeat);
        try
        {
            var body = http.Response.Body;
            await body.WriteAsync(Preamble, token).ConfigureAwait(false);
            subscriber.Signal();
            while (await subscriber.Signals.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                subscriber.Signals.Reader.TryRead(out _);
                await body.WriteAsync(EventStart, token).ConfigureAwait(false);
                await _writeState(body, token).ConfigureAwait(false);
                await body.WriteAsync(EventEnd, token).ConfigureAwait(false);
                await body.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The browser left, the server is stopping, or the stream was dropped on purpose.
        }
        finally
        {
            _subscribers.TryRemove(subscriber, out _);
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
