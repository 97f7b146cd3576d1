namespace LapGate.Sensor.Link;

/// <summary>How long to wait before the next connection attempt; null gives up (the link loop ends with an error).</summary>
public interface IRetryPolicy
{
    TimeSpan? NextDelay(RetryContext context);
}
