using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace LapGate.Bridge.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer created on it, so a test can wait
/// until the code under test has started a timeout before moving the clock.
/// </summary>
public sealed class SignallingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _created = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _created.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer with this due time is created.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime)
    {
        while (await _created.Reader.ReadAsync().AsTask().Within() != dueTime)
        {
        }
    }
}
