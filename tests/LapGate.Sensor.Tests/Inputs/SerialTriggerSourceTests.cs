using LapGate.Sensor.Inputs.Serial;

namespace LapGate.Sensor.Tests.Inputs;

public class SerialTriggerSourceTests
{
    [Fact]
    public async Task ReadAsync_DeviceAppearsLater_OpensOnlyWhenTheRetryDelayOnTheTimeProviderPassed()
    {
        using var dir = new TempDirectory();
        var time = new FakeTimeProvider();
        var options = new SerialInputOptions { Path = dir.File("ttyLATE"), FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(4) };
        var source = new SerialTriggerSource(options, time);
        var opened = new Signal<int>();
        source.Opened += (_, n) => opened.Raise(n);
        using var stop = new CancellationTokenSource();
        await using var triggers = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = triggers.MoveNextAsync();      // first attempt: no device; waits 1 s on the fake clock

        await using var device = await SocatPty.StartAsync(options.Path, dir.File("device-end"));
        Assert.Empty(opened.Values);
        time.Advance(TimeSpan.FromSeconds(1));
        await opened.WaitAsync(n => n == 1);
        await device.WriteLinesAsync("7", "7 123456789", "x 1");

        Assert.True(await next.AsTask().Within());
        Assert.Equal((7, 123456789L, 2), (triggers.Current.Pin, triggers.Current.DeviceTimeMicros, triggers.Current.Line));
        await stop.CancelAsync();
    }

    [Fact]
    public async Task ReadAsync_LinesWithoutDeviceTimeOrGarbage_ReportedWithLineNumberAndSkipped()
    {
        using var dir = new TempDirectory();
        var options = new SerialInputOptions { Path = dir.File("tty"), FirstRetryDelay = TimeSpan.FromMilliseconds(20) };
        await using var device = await SocatPty.StartAsync(options.Path, dir.File("device-end"));
        var source = new SerialTriggerSource(options);
        var problems = new Signal<InputProblem>();
        source.Problem += (_, p) => problems.Raise(p);
        using var stop = new CancellationTokenSource();
        await using var triggers = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = triggers.MoveNextAsync();
        await device.WriteLinesAsync("# banner", "21", "21 12 13", "21 1000\r");

        Assert.True(await next.AsTask().Within());
        Assert.Equal(new Trigger(21, 1000, triggers.Current.HostTimestamp, 4), triggers.Current);
        Assert.Equal([2, 3], problems.Values.Select(p => p.Line));
        Assert.Contains("no device time", problems.Values[0].Reason, StringComparison.Ordinal);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task ReadAsync_BoardBanner_LoggedAtInformationWithThePortName()
    {
        using var dir = new TempDirectory();
        using var logs = new TestLoggerProvider();
        var options = new SerialInputOptions { Path = dir.File("tty"), FirstRetryDelay = TimeSpan.FromMilliseconds(20) };
        await using var device = await SocatPty.StartAsync(options.Path, dir.File("device-end"));
        var source = new SerialTriggerSource(options, logger: logs.CreateLogger("LapGate.Sensor"));
        using var stop = new CancellationTokenSource();
        await using var triggers = source.ReadAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = triggers.MoveNextAsync();
        await device.WriteLinesAsync("# lapgate-pico 1.0 on Raspberry Pi Pico: gates GP21", "# a note", "21 1000");

        Assert.True(await next.AsTask().Within());
        Assert.Single(logs.LinesAt(Microsoft.Extensions.Logging.LogLevel.Information, $"serial:{options.Path}: lapgate-pico 1.0 on Raspberry Pi Pico"));
        Assert.Single(logs.LinesAt(Microsoft.Extensions.Logging.LogLevel.Debug, $"serial:{options.Path} line 2: # a note"));
        await stop.CancelAsync();
    }
}
