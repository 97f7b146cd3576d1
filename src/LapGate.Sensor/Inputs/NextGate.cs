namespace LapGate.Sensor.Inputs;

/// <summary>
/// The one wait of an <see cref="IGateWatcher"/> for the next gate that fires (shared by the GPIO and the serial
/// watcher): a pin fired from any thread is offered here, and completes the wait unless it is one to ignore.
/// </summary>
internal sealed class NextGate
{
    private readonly Lock _gate = new();
    private TaskCompletionSource<GateSeen>? _waiter;
    private IReadOnlySet<int> _ignore = new HashSet<int>();

    /// <summary>Waits for a gate not in <paramref name="ignore"/>; <paramref name="waiting"/> runs once the wait is set.</summary>
    public async Task<GateSeen> WaitAsync(IReadOnlySet<int> ignore, Action waiting, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ignore);
        var waiter = new TaskCompletionSource<GateSeen>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _ignore = ignore;
            _waiter = waiter;
        }
        waiting();
        try
        {
            return await waiter.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _waiter = null;
            }
        }
    }

    /// <summary>A gate fired: completes the wait, if there is one and the pin is not ignored.</summary>
    public void Offer(GateSeen seen)
    {
        TaskCompletionSource<GateSeen>? waiter;
        lock (_gate)
        {
            waiter = _ignore.Contains(seen.Pin) ? null : _waiter;
        }
        waiter?.TrySetResult(seen);
    }

    /// <summary>The input is lost: the wait, if there is one, fails with <paramref name="problem"/>.</summary>
    public void Fail(Exception problem)
    {
        lock (_gate)
        {
            _waiter?.TrySetException(problem);
        }
    }
}
