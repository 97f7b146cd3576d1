using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LapGate.Sensor.Inputs;

namespace LapGate.Faults.Tests.Support;

/// <summary>A trigger source the test feeds: each trigger carries a device time (µs), stamped on arrival like a real input.</summary>
public sealed class FeedSource : ITriggerSource
{
    private readonly Channel<(int Pin, long DeviceMicros)> _channel = Channel.CreateUnbounded<(int, long)>();

    public string Name => "feed";

    public void Trigger(int pin, long deviceMicros) => Assert.True(_channel.Writer.TryWrite((pin, deviceMicros)));

    public void Complete() => _channel.Writer.TryComplete();

    public async IAsyncEnumerable<Trigger> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (pin, micros) in _channel.Reader.ReadAllAsync(ct))
        {
            yield return new Trigger(pin, micros, TimeProvider.System.GetTimestamp(), null);
        }
    }
}
