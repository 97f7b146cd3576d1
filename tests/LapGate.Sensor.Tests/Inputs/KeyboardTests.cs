using LapGate.Sensor.Inputs.Keyboard;

namespace LapGate.Sensor.Tests.Inputs;

public class KeyboardTests
{
    private static readonly SensorConfig Config = new(
        [
            new SensorEntry(31, 1, TrackPoint.PE),
            new SensorEntry(21, 1, TrackPoint.FL),
            new SensorEntry(22, 2, TrackPoint.FLPL),
            new SensorEntry(5, 0, TrackPoint.Start),
        ]);

    [Theory]
    [InlineData('1', KeyAction.Trigger, 21)]
    [InlineData('2', KeyAction.Trigger, 22)]
    [InlineData('3', KeyAction.None, 0)]
    [InlineData('s', KeyAction.Trigger, 5)]
    [InlineData('S', KeyAction.Trigger, 5)]
    [InlineData('t', KeyAction.None, 0)]
    [InlineData('q', KeyAction.Quit, 0)]
    [InlineData('x', KeyAction.None, 0)]
    public void Map_Key_FinishGateOfTheLaneOrButton(char key, KeyAction action, int pin)
    {
        Assert.Equal((action, pin), new KeyMap(Config).Map(key));
    }

    [Fact]
    public void Help_Config_NamesOnlyTheKeysThatDoSomething()
    {
        Assert.Equal("1 2 = lap on lane 1, 2; s = start; q = quit", new KeyMap(Config).Help());
    }

    [Fact]
    public async Task ReadAsync_Keys_TriggersStampedOnArrivalUntilQ()
    {
        var time = new FakeTimeProvider();
        var keys = new Queue<char>("1x2sq1");
        var source = new KeyboardTriggerSource(Config, _ =>
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return ValueTask.FromResult<char?>(keys.Dequeue());
        }, time);

        var triggers = new List<Trigger>();
        await foreach (var trigger in source.ReadAsync(CancellationToken.None))
        {
            triggers.Add(trigger);
        }

        Assert.Equal([21, 22, 5], triggers.Select(t => t.Pin));
        Assert.Equal(2 * time.TimestampFrequency, triggers[1].HostTimestamp - triggers[0].HostTimestamp);
        Assert.Single(keys);
    }
}
