namespace LapGate.TestSupport;

/// <summary>
/// The one limit every awaited thing in the tests gets: a signal, a frame, a connection, a process's exit.
/// Generous, so that a slow machine does not fail a test, and finite, so that a bug fails it instead of hanging it.
/// Tests await signals; they never sleep.
/// </summary>
public static class Wait
{
    /// <summary>How long any one awaited thing may take.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>The task's result, or a <see cref="TimeoutException"/> after <see cref="Limit"/>.</summary>
    public static Task<T> Within<T>(this Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.WaitAsync(Limit);
    }

    /// <summary>The task's end, or a <see cref="TimeoutException"/> after <see cref="Limit"/>.</summary>
    public static Task Within(this Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.WaitAsync(Limit);
    }

    /// <summary>The task's result, or a <see cref="TimeoutException"/> after <see cref="Limit"/>.</summary>
    public static Task<T> Within<T>(this ValueTask<T> task) => task.AsTask().Within();

    /// <summary>A token cancelled after <see cref="Limit"/>, for calls that take a token rather than a task.</summary>
    public static CancellationTokenSource LimitToken() => new(Limit);

    /// <summary>
    /// Completes when <paramref name="condition"/> holds, checked now and again whenever the event that
    /// <paramref name="subscribe"/> attaches to fires; a <see cref="TimeoutException"/> naming <paramref name="what"/> after <see cref="Limit"/>.
    /// </summary>
    public static async Task UntilAsync(Func<bool> condition, Action<EventHandler> subscribe, Action<EventHandler> unsubscribe, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(subscribe);
        ArgumentNullException.ThrowIfNull(unsubscribe);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler handler = (_, _) =>
        {
            if (condition())
            {
                done.TrySetResult();
            }
        };
        subscribe(handler);
        try
        {
            if (condition())
            {
                return;
            }
            try
            {
                await done.Task.WaitAsync(Limit);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"timed out after {Limit.TotalSeconds:0} s waiting for {what}");
            }
        }
        finally
        {
            unsubscribe(handler);
        }
    }
}
