namespace LapGate.Sensor.Link;

/// <summary>What a <see cref="IRetryPolicy"/> knows when asked for the next delay.</summary>
/// <param name="Attempt">1 for the first retry after a drop (or the first failed connect), then 2, 3… until a registration succeeds.</param>
/// <param name="Cause">Why the last attempt ended.</param>
/// <param name="SinceLastConnected">Time since the link was last registered (or since start).</param>
public readonly record struct RetryContext(int Attempt, ReconnectCause Cause, TimeSpan SinceLastConnected);
