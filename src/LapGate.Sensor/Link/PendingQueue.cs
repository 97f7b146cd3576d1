using LapGate.Sensor.Events;

namespace LapGate.Sensor.Link;

/// <summary>
/// The link's unconfirmed events, oldest first: added at the end, confirmed from the front, read by position. The
/// sent ones are always a prefix (at most <see cref="LinkOptions.SendWindow"/>). Removing from the front costs no
/// copy of the rest (a backlog of millions would otherwise be moved for every pong); the space is reclaimed once
/// the removed part is the larger half.
/// </summary>
internal sealed class PendingQueue
{
    private readonly List<PendingEvent> _items = [];
    private int _head;

    public int Count => _items.Count - _head;

    public PendingEvent this[int index] => _items[_head + index];

    public void Add(SensorEvent e) => _items.Add(new PendingEvent(e));

    /// <summary>Removes the oldest <paramref name="count"/> events.</summary>
    public void RemoveFirst(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Count);
        _head += count;
        if (_head == _items.Count)
        {
            _items.Clear();
            _head = 0;
        }
        else if (_head >= 1024 && _head >= _items.Count / 2)
        {
            _items.RemoveRange(0, _head);
            _head = 0;
        }
    }

    /// <summary>Forgets where the sent ones ended: a new connection sends them all again.</summary>
    public void MarkAllUnsent()
    {
        for (var i = 0; i < Count && this[i].SentEnd is not null; i++)
        {
            this[i].SentEnd = null;
        }
    }

    /// <summary>True when the oldest event was sent on this connection (then a ping after it can confirm something).</summary>
    public bool AnySent => Count > 0 && this[0].SentEnd is not null;
}
