namespace LapGate.TestSupport;

/// <summary>Collects values raised on other threads and lets a test await one that matches (within <see cref="Wait.Limit"/>).</summary>
public sealed class Signal<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _values = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> _waiters = [];

    /// <summary>Every value raised so far, in order.</summary>
    public IReadOnlyList<T> Values
    {
        get
        {
            lock (_gate)
            {
                return _values.ToArray();
            }
        }
    }

    public void Raise(T value)
    {
        List<TaskCompletionSource<T>> done = [];
        lock (_gate)
        {
            _values.Add(value);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(value))
                {
                    done.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }
        foreach (var tcs in done)
        {
            tcs.TrySetResult(value);
        }
    }

    /// <summary>The first value (raised already or later) that matches; any value when <paramref name="match"/> is null.</summary>
    public Task<T> WaitAsync(Func<T, bool>? match = null)
    {
        match ??= _ => true;
        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var value in _values)
            {
                if (match(value))
                {
                    return Task.FromResult(value);
                }
            }
            _waiters.Add((match, tcs));
        }
        return tcs.Task.Within();
    }
}
