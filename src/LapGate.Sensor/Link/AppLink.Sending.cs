using System.Net.WebSockets;
using System.Threading.Channels;
using LapGate.Protocol.Codec;
using LapGate.Sensor.Pipeline;

namespace LapGate.Sensor.Link;

// Sending and confirming on a registered connection.
public sealed partial class AppLink
{
    private readonly byte[] _frame = new byte[MessageCodec.MaxAnalogLapBytes];

    private async Task SendLoopAsync(WebSocket socket, ChannelReader<SensorEvent> events, Task receiving, CancellationToken ct)
    {
        var next = 0;
        Task<bool>? readable = null;
        while (true)
        {
            Drain(events);
            List<SensorEvent>? sent = null;
            while (next < _unconfirmed.Count && !receiving.IsCompleted)
            {
                var pending = _unconfirmed[next];
                await SendAsync(socket, Encode(pending.Event), ct).ConfigureAwait(false);
                pending.SentAt = _time.GetTimestamp();
                next++;
                (sent ??= []).Add(pending.Event);
            }
            if (sent is not null)
            {
                Sent?.Invoke(this, sent);
            }
            if (receiving.IsCompleted)
            {
                await receiving.ConfigureAwait(false);
            }

            next -= ConfirmDue(socket, receiving);
            if (events.Completion.IsCompleted && _unconfirmed.Count == 0)
            {
                await CloseAsync(socket, ct).ConfigureAwait(false);
                return;
            }

            using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var waits = new List<Task>(3) { receiving };
            if (readable is null && !events.Completion.IsCompleted)
            {
                readable = events.WaitToReadAsync(ct).AsTask();
            }
            if (readable is not null)
            {
                waits.Add(readable);
            }
            if (NextConfirmDue() is { } due)
            {
                waits.Add(Task.Delay(due, _time, wake.Token));
            }
            await Task.WhenAny(waits).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
            if (readable is { IsCompleted: true })
            {
                readable = null;
            }
        }
    }

    private ReadOnlyMemory<byte> Encode(SensorEvent e)
    {
        if (e.Kind == EventKind.Lap && MessageCodec.TryFormatAnalogLap(_frame, e.TimestampMs, e.Lane, out var written))
        {
            return _frame.AsMemory(0, written);
        }
        return MessageCodec.ToUtf8(e.ToMessage());
    }

    /// <summary>
    /// Confirms the sent events whose send is at least ConfirmAfter old while the link is still open: a ping
    /// sent after them has been answered, so the app's side read past them. Returns how many were confirmed.
    /// </summary>
    private int ConfirmDue(WebSocket socket, Task receiving)
    {
        if (socket.State != WebSocketState.Open || receiving.IsCompleted)
        {
            return 0;
        }
        var now = _time.GetTimestamp();
        var confirmAfter = _options.EffectiveConfirmAfter;
        var count = 0;
        while (count < _unconfirmed.Count && _unconfirmed[count].SentAt is { } sentAt && _time.GetElapsedTime(sentAt, now) >= confirmAfter)
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
        _unconfirmed.RemoveRange(0, count);
        UpdatePending();
        Confirmed?.Invoke(this, confirmed);
        return count;
    }

    private TimeSpan? NextConfirmDue()
    {
        if (_unconfirmed.Count == 0 || _unconfirmed[0].SentAt is not { } sentAt)
        {
            return null;
        }
        var left = _options.EffectiveConfirmAfter - _time.GetElapsedTime(sentAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private async Task CloseAsync(WebSocket socket, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(_options.SendTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "sensor finished", linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // Everything is confirmed already; a failed goodbye loses nothing.
        }
    }
}
