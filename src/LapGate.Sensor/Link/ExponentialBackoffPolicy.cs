namespace LapGate.Sensor.Link;

/// <summary>
/// Capped exponential backoff with jitter: <c>initial × 2^(attempt-1)</c>, at most <c>max</c>, each delay
/// spread by up to ±<c>jitter</c> so several sensors do not retry in step. Never gives up: at a track the app
/// comes back sooner or later.
/// </summary>
public sealed class ExponentialBackoffPolicy : IRetryPolicy
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly double _jitter;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public ExponentialBackoffPolicy(TimeSpan initial, TimeSpan max, double jitter = 0.2, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1.0);
        _initial = initial;
        _max = max;
        _jitter = jitter;
        _random = random ?? Random.Shared;
    }

    /// <summary>100 ms, doubling, capped at 2 s, ±20 %.</summary>
    public static ExponentialBackoffPolicy Default { get; } = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    public TimeSpan? NextDelay(RetryContext context)
    {
        var exponent = Math.Clamp(context.Attempt - 1, 0, 30);
        var baseTicks = Math.Min(_initial.Ticks * Math.Pow(2, exponent), _max.Ticks);
        double spread;
        lock (_gate)
        {
            spread = (_random.NextDouble() * 2 - 1) * _jitter;
        }
        var ticks = Math.Clamp(baseTicks * (1 + spread), 0, _max.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
