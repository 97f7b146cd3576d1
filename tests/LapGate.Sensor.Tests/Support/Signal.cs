namespace LapGate.Sensor.Tests.Support;

/// <summary>Collects values raised on other threads and lets a test await one that matches (10 s limit).</summary>
public sealed class Signal<T>
{
    private readonly Lock _gate = new();
    private readonly List<T> _values = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Done)> _waiters = [];

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

    public Task<T> WaitAsync(Func<T, bool>? match = null, double seconds = 10)
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
        return tcs.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
    }
}
