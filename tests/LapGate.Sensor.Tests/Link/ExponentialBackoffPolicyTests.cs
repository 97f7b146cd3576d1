namespace LapGate.Sensor.Tests.Link;

public class ExponentialBackoffPolicyTests
{
    private static RetryContext Attempt(int n) => new(n, ReconnectCause.ConnectionLost, TimeSpan.Zero);

    [Fact]
    public void NextDelay_NoJitter_DoublesUpToTheCap()
    {
        var policy = new ExponentialBackoffPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), jitter: 0);

        var delays = Enumerable.Range(1, 6).Select(n => policy.NextDelay(Attempt(n))!.Value.TotalMilliseconds);

        Assert.Equal([100, 200, 400, 800, 1000, 1000], delays);
    }

    [Fact]
    public void NextDelay_WithJitter_StaysWithinSpreadAndCapAndVaries()
    {
        var policy = new ExponentialBackoffPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), jitter: 0.2, new Random(42));

        var delays = Enumerable.Range(0, 50).Select(_ => policy.NextDelay(Attempt(3))!.Value.TotalMilliseconds).ToArray();
        var capped = Enumerable.Range(0, 50).Select(_ => policy.NextDelay(Attempt(20))!.Value).ToArray();

        Assert.All(delays, d => Assert.InRange(d, 320, 480));
        Assert.True(delays.Distinct().Count() > 10);
        Assert.All(capped, d => Assert.InRange(d, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void Default_FirstRetry_IsShort()
    {
        Assert.InRange(ExponentialBackoffPolicy.Default.NextDelay(Attempt(1))!.Value, TimeSpan.FromMilliseconds(80), TimeSpan.FromMilliseconds(120));
    }
}
