using System.Device.Gpio;
using LapGate.Sensor.Inputs.Gpio;

namespace LapGate.Sensor.Tests.Inputs;

public class GpioTriggerSourceTests
{
    private static readonly SensorConfig Config = new(
        [new SensorEntry(17, 1, TrackPoint.FL), new SensorEntry(27, 2, TrackPoint.FL, ActiveHigh: true), new SensorEntry(5, 0, TrackPoint.Start)]);

    [Fact]
    public async Task ReadAsync_Opened_ActiveLowPullUpFallingAndActiveHighPullDownRising()
    {
        var driver = new FakeGpioDriver();
        var source = new GpioTriggerSource(Config, () => driver);
        await using var reading = new Reading(source);

        await reading.Ready.Within();

        Assert.Equal(PinMode.InputPullUp, driver.Modes[17]);
        Assert.Equal(PinEventTypes.Falling, driver.WatchedEdges(17));
        Assert.Equal(PinMode.InputPullDown, driver.Modes[27]);
        Assert.Equal(PinEventTypes.Rising, driver.WatchedEdges(27));
        Assert.Equal(PinMode.InputPullUp, driver.Modes[5]);
    }

    [Fact]
    public async Task ReadAsync_Edge_StampedWithTheTimeOfTheCallback()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_722_773_108_000));
        var driver = new FakeGpioDriver();
        var source = new GpioTriggerSource(Config, () => driver, timeProvider: time);
        await using var reading = new Reading(source);
        await reading.Ready.Within();

        var first = time.GetTimestamp();
        driver.Fire(17, PinEventTypes.Falling);
        time.Advance(TimeSpan.FromMilliseconds(4321));
        var second = time.GetTimestamp();
        driver.Fire(27, PinEventTypes.Rising);
        driver.Fire(27, PinEventTypes.Falling);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new Trigger(17, null, first, null), await reading.NextAsync());
        Assert.Equal(new Trigger(27, null, second, null), await reading.NextAsync());
        Assert.Equal(0, source.Dropped);
    }

    [Fact]
    public async Task ReadAsync_ChannelFull_DropsTheNewEdgesKeepsTheQueuedOnesAndCounts()
    {
        var driver = new FakeGpioDriver();
        var source = new GpioTriggerSource(Config, () => driver, capacity: 2);
        await using var reading = new Reading(source);
        await reading.Ready.Within();
        int[] fired = [17, 5, 17, 5];

        foreach (var pin in fired)
        {
            driver.Fire(pin, PinEventTypes.Falling);
        }

        // The reader may take the first edge out at any moment meanwhile (at most that one: it waits to be asked
        // for the next): 1 or 2 of the 4 are dropped, whichever found the channel full.
        var kept = fired.Length - (int)source.Dropped;
        Assert.InRange(kept, 2, 3);
        var read = new List<int>();
        for (var i = 0; i < kept; i++)
        {
            read.Add((await reading.NextAsync()).Pin);
        }
        // The first two always fit; what is kept arrives in the order it was fired.
        Assert.Equal(fired[..2], read[..2]);
        Assert.True(IsInOrderWithin(read, fired), $"read [{string.Join(", ", read)}] is not in firing order");
    }

    private static bool IsInOrderWithin(List<int> read, int[] fired)
    {
        var next = 0;
        foreach (var pin in fired)
        {
            if (next < read.Count && read[next] == pin)
            {
                next++;
            }
        }
        return next == read.Count;
    }

    [Fact]
    public async Task ReadAsync_PinBusy_ClearMessageNamesPinAndLaneAndDisposesDriver()
    {
        var driver = new FakeGpioDriver { BusyPins = { 27 } };
        var source = new GpioTriggerSource(Config, () => driver, "gpio:0");

        var ex = await Assert.ThrowsAsync<InputOpenException>(() => FirstAsync(source));

        Assert.Contains("gpio:0: pin 27 (lane 2 FL) cannot be opened", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BCM numbering", ex.Message, StringComparison.Ordinal);
        Assert.True(driver.Disposed);
    }

    [Fact]
    public async Task ReadAsync_LibraryMissing_SaysWhatToInstall()
    {
        var source = new GpioTriggerSource(Config, () => throw new DllNotFoundException("libgpiod.so.2: cannot open shared object file"), "gpio:0");

        var ex = await Assert.ThrowsAsync<InputOpenException>(() => FirstAsync(source));

        Assert.Contains("libgpiod could not be loaded", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt install libgpiod", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ChipMissing_SaysWhichChipsExistAndHowToPick()
    {
        var ex = Assert.Throws<InputOpenException>(() => GpioDriverSelector.Create(97));

        Assert.StartsWith("gpio:97: /dev/gpiochip97 does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/dev/gpiochipN", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--input", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoBuiltInPull_OpensAsPlainInput()
    {
        var driver = new FakeGpioDriver { UnsupportedModes = { PinMode.InputPullUp, PinMode.InputPullDown } };
        var source = new GpioTriggerSource(Config, () => driver);
        await using var reading = new Reading(source);

        await reading.Ready.Within();

        Assert.Equal(PinMode.Input, driver.Modes[17]);
        Assert.Equal(PinMode.Input, driver.Modes[27]);
    }

    private static async Task FirstAsync(ITriggerSource source)
    {
        await foreach (var unused in source.ReadAsync(CancellationToken.None).WithCancellation(CancellationToken.None))
        {
            return;
        }
    }

    /// <summary>Reads a source on its own task; triggers are awaited one by one.</summary>
    private sealed class Reading : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly IAsyncEnumerator<Trigger> _triggers;
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ValueTask<bool>? _first;

        public Reading(GpioTriggerSource source)
        {
            source.Ready += (_, _) => _ready.TrySetResult();
            _triggers = source.ReadAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
            // The enumerator opens the pins on its first MoveNext.
            _first = _triggers.MoveNextAsync();
        }

        public Task Ready => _ready.Task;

        public async Task<Trigger> NextAsync()
        {
            var moved = _first is { } first ? first : _triggers.MoveNextAsync();
            _first = null;
            Assert.True(await moved.AsTask().Within());
            return _triggers.Current;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            if (_first is { } first)
            {
                try
                {
                    await first.AsTask().Within();
                }
                catch (OperationCanceledException)
                {
                }
            }
            await _triggers.DisposeAsync();
            _stop.Dispose();
        }
    }
}
