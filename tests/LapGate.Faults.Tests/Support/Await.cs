namespace LapGate.Faults.Tests.Support;

/// <summary>Bounded waits for signals raised on other threads.</summary>
public static class Await
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Completes when <paramref name="condition"/> holds, re-checked whenever <paramref name="subscribe"/>'s event fires.</summary>
    public static async Task UntilAsync(Func<bool> condition, Action<EventHandler> subscribe, Action<EventHandler> unsubscribe, string what, TimeSpan? limit = null)
    {
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
                await done.Task.WaitAsync(limit ?? Limit);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }
        }
        finally
        {
            unsubscribe(handler);
        }
    }
}
