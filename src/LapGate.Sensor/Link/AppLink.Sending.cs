using System.Net.WebSockets;
using System.Threading.Channels;
using LapGate.Protocol.Codec;
using LapGate.Sensor.Events;

namespace LapGate.Sensor.Link;

// Sending and confirming on a registered connection: every batch of frames is followed by a ping of the sensor's
// own; its pong confirms the batch (see DeliveryTap). At most LinkOptions.SendWindow events are out unconfirmed.
// A stop or the end of the input closes with the handshake.
public sealed partial class AppLink
{
    private readonly byte[] _frame = new byte[MessageCodec.MaxAnalogLapBytes];

    private async Task SendLoopAsync(WebSocket socket, DeliveryTap tap, ChannelReader<SensorEvent> events, Task receiving, CancellationToken ct)
    {
        var next = 0;
        Task<bool>? readable = null;
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopRegistration = ct.Register(() => stopping.TrySetResult());
        while (true)
        {
            var changed = tap.NextChange;
            if (ct.IsCancellationRequested)
            {
                Drain(events);
                await StopAsync(socket, tap, next, receiving).ConfigureAwait(false);
                ct.ThrowIfCancellationRequested();
            }
            Drain(events);
            next = await SendPendingAsync(socket, tap, next, receiving, CancellationToken.None).ConfigureAwait(false);
            if (receiving.IsCompleted)
            {
                await receiving.ConfigureAwait(false);
            }

            var confirmed = ConfirmFromTap(tap);
            next -= confirmed;
            if (confirmed > 0 && next < _unconfirmed.Count)
            {
                // The pong made room in the window: send on at once.
                continue;
            }
            if (events.Completion.IsCompleted && next == _unconfirmed.Count)
            {
                await FinishAsync(socket, tap, receiving).ConfigureAwait(false);
                return;
            }
            if (next > 0 && !tap.PingOutstanding)
            {
                await PingAsync(socket, tap).ConfigureAwait(false);
            }
            var keepAlive = KeepAliveDue(tap);
            if (keepAlive <= TimeSpan.Zero)
            {
                if (tap.PingOutstanding)
                {
                    throw new LinkDroppedException(ReconnectCause.ConnectionLost,
                        $"connection lost without a close frame: no pong within {_options.KeepAliveTimeout.TotalSeconds:0.#} s (half-open link)");
                }
                await PingAsync(socket, tap).ConfigureAwait(false);
                continue;
            }

            if (readable is null && !events.Completion.IsCompleted)
            {
                readable = events.WaitToReadAsync(ct).AsTask();
            }
            using var wake = new CancellationTokenSource();
            var waits = new List<Task>(5) { receiving, changed, stopping.Task, Task.Delay(keepAlive, _time, wake.Token) };
            if (readable is not null)
            {
                waits.Add(readable);
            }
            await Task.WhenAny(waits).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
            if (readable is { IsCompleted: true })
            {
                readable = null;
            }
        }
    }

    /// <summary>
    /// Time left until the keep-alive acts: with a ping waiting for its pong, until that pong is overdue
    /// (<see cref="LinkOptions.KeepAliveTimeout"/>: the link is dead); otherwise until the app has been silent for
    /// <see cref="LinkOptions.KeepAliveInterval"/> (a ping is due).
    /// </summary>
    private TimeSpan KeepAliveDue(DeliveryTap tap)
    {
        var now = _time.GetTimestamp();
        return tap.OldestPingSentAt is { } sentAt
            ? _options.KeepAliveTimeout - _time.GetElapsedTime(sentAt, now)
            : _options.KeepAliveInterval - _time.GetElapsedTime(tap.LastReadAt, now);
    }

    /// <summary>
    /// Sends the unsent events from <paramref name="next"/> on, while fewer than <see cref="LinkOptions.SendWindow"/>
    /// are unconfirmed; returns the new <paramref name="next"/> (the count sent and not yet confirmed).
    /// </summary>
    private async Task<int> SendPendingAsync(WebSocket socket, DeliveryTap tap, int next, Task receiving, CancellationToken ct)
    {
        List<SensorEvent>? sent = null;
        while (next < _unconfirmed.Count && next < _options.SendWindow && !receiving.IsCompleted)
        {
            var pending = _unconfirmed[next];
            await SendAsync(socket, Encode(pending.Event), ct).ConfigureAwait(false);
            pending.SentEnd = tap.BytesWritten;
            next++;
            (sent ??= []).Add(pending.Event);
        }
        if (sent is not null)
        {
            Sent?.Invoke(this, sent);
        }
        return next;
    }

    private ReadOnlyMemory<byte> Encode(SensorEvent e)
    {
        if (e.Kind == EventKind.Lap && MessageCodec.TryFormatAnalogLap(_frame, e.TimestampMs, e.Lane, out var written))
        {
            return _frame.AsMemory(0, written);
        }
        return MessageCodec.ToUtf8(e.ToMessage());
    }

    /// <summary>Puts a ping after the frames sent so far; its pong will confirm them (and shows the link is alive).</summary>
    private async Task PingAsync(WebSocket socket, DeliveryTap tap)
    {
        using var timeout = new CancellationTokenSource(_options.SendTimeout, _time);
        bool written;
        try
        {
            written = await tap.SendPingAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            socket.Abort();
            throw new LinkDroppedException(ReconnectCause.SendTimeout,
                $"a ping did not go out within {_options.SendTimeout.TotalSeconds:0.#} s (hung link)");
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            throw new LinkDroppedException(ReconnectCause.ConnectionLost, "send failed: " + ex.Message, ex);
        }
        if (!written)
        {
            LinkLog.CannotConfirm(_logger, _server);
            throw new LinkDroppedException(ReconnectCause.ConnectionLost, "the connection's frames could not be followed; reconnecting");
        }
    }

    /// <summary>
    /// Confirms, in order, the sent events whose frames end before the point the app's pongs have confirmed: the app's
    /// WebSocket layer read past them. Marks them delivered in the outbox; returns how many.
    /// </summary>
    private int ConfirmFromTap(DeliveryTap tap)
    {
        var through = tap.ConfirmedThrough;
        var count = 0;
        while (count < _unconfirmed.Count && _unconfirmed[count].SentEnd is { } end && end <= through)
        {
            count++;
        }
        if (count == 0)
        {
            return 0;
        }
        var confirmed = new List<SensorEvent>(count);
        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            confirmed.Add(_unconfirmed[i].Event);
            ids.Add(_unconfirmed[i].Event.Id);
        }
        _outbox.MarkDelivered(ids);
        _unconfirmed.RemoveFirst(count);
        UpdatePending();
        Confirmed?.Invoke(this, confirmed);
        return count;
    }

    /// <summary>
    /// The input ended and every event is sent: close with the handshake. Everything is delivered when the app
    /// answered the last ping; otherwise the connection counts as dropped and the rest is sent again on the next one.
    /// </summary>
    private async Task FinishAsync(WebSocket socket, DeliveryTap tap, Task receiving)
    {
        await CloseHandshakeAsync(socket, tap, receiving).ConfigureAwait(false);
        ConfirmFromTap(tap);
        if (_unconfirmed.Count > 0)
        {
            if (receiving.IsFaulted)
            {
                // The app's close or a lost connection, reported as it happened.
                await receiving.ConfigureAwait(false);
            }
            throw tap.CloseReceived
                ? new LinkDroppedException(ReconnectCause.ClosedByApp, $"the app closed the connection before confirming the last {_unconfirmed.Count} event(s)")
                : new LinkDroppedException(ReconnectCause.ConnectionLost, $"no answer to the close within {_options.CloseTimeout.TotalSeconds:0.#} s; {_unconfirmed.Count} event(s) unconfirmed");
        }
    }

    /// <summary>
    /// A stop (Ctrl+C, SIGTERM, the caller's token): send what is already accepted, close with the handshake,
    /// confirm what the app answered for. Takes at most about <see cref="LinkOptions.CloseTimeout"/> (plus one send
    /// timeout if a send is stuck); what is not confirmed stays pending.
    /// </summary>
    private async Task StopAsync(WebSocket socket, DeliveryTap tap, int next, Task receiving)
    {
        try
        {
            if (!receiving.IsCompleted && socket.State == WebSocketState.Open)
            {
                using var budget = new CancellationTokenSource(_options.CloseTimeout, _time);
                await SendPendingAsync(socket, tap, next, receiving, budget.Token).ConfigureAwait(false);
                await CloseHandshakeAsync(socket, tap, receiving).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is LinkDroppedException or WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The close did not complete: whatever the app did not confirm stays pending.
        }
        ConfirmFromTap(tap);
        LinkLog.Stopped(_logger, _server, _unconfirmed.Count);
    }

    /// <summary>
    /// A last ping, then the close frame; waits (at most <see cref="LinkOptions.CloseTimeout"/>) for the app's close
    /// reply. The pong to that ping, which the app sends before its close reply, confirms every frame before it. The
    /// close reply alone confirms nothing: an app that was closing on its own at that moment sent it without reading on.
    /// </summary>
    private async Task CloseHandshakeAsync(WebSocket socket, DeliveryTap tap, Task receiving)
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
        try
        {
            if (_unconfirmed.AnySent)
            {
                await tap.SendPingAsync(timeout.Token).ConfigureAwait(false);
            }
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "sensor stopping", timeout.Token).ConfigureAwait(false);
            var timedOut = Task.Delay(Timeout.InfiniteTimeSpan, timeout.Token);
            while (true)
            {
                var changed = tap.NextChange;
                if (tap.CloseReceived || receiving.IsCompleted || timeout.IsCancellationRequested)
                {
                    break;
                }
                await Task.WhenAny(changed, receiving, timedOut).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // No close handshake: the pongs already seen still count, the rest stays pending.
        }
    }
}
