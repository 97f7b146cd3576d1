using System.Collections.Concurrent;
using LapGate.Protocol.Messages;

namespace LapGate.Emulator.Connections;

/// <summary>The open WebSocket connections, for ids and broadcasts. Thread-safe.</summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, EmulatorConnection> _open = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>A new connection id: c1, c2, …</summary>
    public string NextId() => "c" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);

    public int Count => _open.Count;

    /// <summary>Raised after a connection was added or removed (on the caller's thread).</summary>
    public event Action? Changed;

    /// <summary>Adds <paramref name="connection"/> unless <paramref name="limit"/> connections are open already.</summary>
    public bool TryAdd(EmulatorConnection connection, int limit)
    {
        lock (_open)
        {
            if (_open.Count >= limit)
            {
                return false;
            }
            _open[connection.Id] = connection;
        }
        Changed?.Invoke();
        return true;
    }

    public void Remove(EmulatorConnection connection)
    {
        if (_open.TryRemove(connection.Id, out _))
        {
            Changed?.Invoke();
        }
    }

    /// <summary>The open connections, oldest first.</summary>
    public IReadOnlyList<ConnectionSummary> Describe() =>
        [.. _open.Values.Select(c => c.Describe()).OrderBy(c => c.ConnectedAt).ThenBy(c => c.Id.Length).ThenBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>Queues <paramref name="message"/> to every open connection; returns how many took it.</summary>
    public int Broadcast(Message message)
    {
        var sent = 0;
        foreach (var connection in _open.Values)
        {
            if (connection.TrySend(message))
            {
                sent++;
            }
        }
        return sent;
    }
}
