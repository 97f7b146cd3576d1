using System.Device.Gpio;
using LapGate.Cli.Setup;
using LapGate.Sensor.Inputs.Gpio;
using Spectre.Console.Testing;

namespace LapGate.Sensor.Tests.Setup;

/// <summary>
/// <c>lapgate setup</c> driven through its console (Spectre.Console.Testing), with the fake GPIO driver, a board on a
/// socat pty and a real app stand-in to probe; every file it writes must pass <c>lapgate sensor --check</c>.
/// </summary>
public class SetupWizardTests
{
    [Fact]
    public async Task RunAsync_GpioLearningTwoLanesAndButtons_WritesTheGatesThatFiredWithTheirIdleLevels()
    {
        using var dir = new TempDirectory();
        await using var app = new StandInApp();
        var driver = new FakeGpioDriver();
        driver.BusyPins.Add(4);
        driver.Levels[22] = PinValue.Low; // lane 2's sensor holds its line low: active high.
        var fire = new Queue<Action>([
            () => { driver.Fire(17, PinEventTypes.Rising); driver.Fire(17, PinEventTypes.Falling); }, // lane 1 FL (the rising edge is not a car)
            () => { driver.Fire(17, PinEventTypes.Falling); driver.Fire(27, PinEventTypes.Falling); }, // lane 1 PE (17 is taken already)
            () => driver.Fire(22, PinEventTypes.Rising), // lane 2 FLPL, active high
            () => driver.Fire(5, PinEventTypes.Falling), // START
            () => driver.Fire(6, PinEventTypes.Falling), // STOP
        ]);
        GpioGateWatcher? watcher = null;
        var machine = new SetupMachine
        {
            GpioChips = () => ["/dev/gpiochip0"],
            SerialDevices = () => ["/dev/ttyACM0"],
            Watch = input =>
            {
                Assert.Equal(0, input.GpioChip);
                watcher = new GpioGateWatcher(() => driver);
                watcher.Waiting += (_, _) => fire.Dequeue()();
                return watcher;
            },
        };
        var console = new TestConsole().Interactive();
        console.Profile.Width = 160;
        Push(console,
            app.Url.ToString(), // 1: the address
            "", // 2: the input: the offered default, gpio:0
            "", // lane 1's first gate: FL (default)
            "y", "PE", "n", // another gate on lane 1: pit entry; no more
            "y", // another lane
            "FLPL", "n", "n", // lane 2's gate, no other gate, no third lane
            "y", // START/STOP buttons
            "1500", "", // 4: min lap 1500 ms, debounce default
            "");
        var output = dir.File("etc/sensor.json");

        var code = await new SetupWizard(console, new SetupAnswers { Output = output }, machine).RunAsync(CancellationToken.None).Within();

        Assert.True(code == 0, console.Output);
        Assert.Empty(fire);
        Assert.Contains("OK: the app answers", console.Output, StringComparison.Ordinal);
        Assert.Contains("gpio:0", console.Output, StringComparison.Ordinal);
        Assert.Contains("Drive a car over lane 1's finish line now", console.Output, StringComparison.Ordinal);
        Assert.Contains("Pin 22 fired (idles low, goes high: activeHigh)", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(4, watcher!.Pins);
        Assert.Equal([4], watcher.Skipped);
        Assert.True(driver.Disposed, "the watcher must let the pins go");
        var config = SensorConfigLoader.Load(output);
        Assert.Equal(app.Url, config.Server);
        Assert.Equal(
            [new SensorEntry(17, 1, TrackPoint.FL), new SensorEntry(27, 1, TrackPoint.PE), new SensorEntry(22, 2, TrackPoint.FLPL, ActiveHigh: true),
             new SensorEntry(5, 0, TrackPoint.Start), new SensorEntry(6, 0, TrackPoint.Stop)],
            config.Sensors);
        Assert.Equal((1500, SensorConfig.DefaultDebounceMs), (config.MinLapMs, config.DebounceMs));
        Assert.Contains("sensor --config " + output + " --input gpio", console.Output, StringComparison.Ordinal);
        await AssertPassesCheckAsync(output);
    }

    [Fact]
    public async Task RunAsync_SerialBoardOnAPty_LearnsThePinTheBoardReportsAndKeepsABackupOfTheOldFile()
    {
        using var dir = new TempDirectory();
        await using var pty = await SocatPty.StartAsync(dir.File("ttyACM0"), dir.File("board"));
        var output = dir.File("sensor.json");
        File.WriteAllText(output, """{"sensors":[{"pin":1,"lane":1,"point":"FL"}]}""");
        var pins = new Queue<string>(["7 1000000", "8 2000000"]);
        var machine = new SetupMachine
        {
            GpioChips = () => [],
            SerialDevices = () => [pty.DevicePath],
            Watch = input =>
            {
                var watcher = new LapGate.Sensor.Inputs.Serial.SerialGateWatcher(input.Serial!);
                // The board reports the pin that fired (lane 1's gate fires twice as the car passes: once only counts).
                watcher.Waiting += (_, _) => _ = pty.WriteLinesAsync(pins.Dequeue());
                return watcher;
            },
            TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero)),
        };
        var console = new TestConsole().Interactive();
        console.Profile.Width = 160;
        Push(console, "", "", "y", "PL", "n", "n", "y");

        var answers = new SetupAnswers { Server = "192.168.1.20", NoProbe = true, Lanes = 1, MinLapMs = 2000, DebounceMs = 30, Output = output };
        var code = await new SetupWizard(console, answers, machine).RunAsync(CancellationToken.None).Within();

        Assert.True(code == 0, console.Output);
        var config = SensorConfigLoader.Load(output);
        Assert.Equal(new Uri("ws://192.168.1.20:50780/"), config.Server);
        Assert.Equal([new SensorEntry(7, 1, TrackPoint.FL), new SensorEntry(8, 1, TrackPoint.PL)], config.Sensors);
        var backup = Directory.GetFiles(dir.Path, "sensor.json.*.bak").Single();
        Assert.Contains("\"pin\":1", File.ReadAllText(backup), StringComparison.Ordinal);
        Assert.Contains("--input serial:" + pty.DevicePath, console.Output, StringComparison.Ordinal);
        await AssertPassesCheckAsync(output);
    }

    [Fact]
    public async Task RunAsync_EveryAnswerAsAFlagWithoutATerminal_WritesWithoutAsking()
    {
        using var dir = new TempDirectory();
        var output = dir.File("sensor.json");
        var console = new TestConsole();
        var answers = new SetupAnswers
        {
            Server = "ws://10.0.0.5:50780",
            NoProbe = true,
            Input = "gpio",
            Gates = [GateSpec.TryParse("17:1:FL", out _)!, GateSpec.TryParse("22:2:flpl:high", out _)!, GateSpec.TryParse("5:START", out _)!],
            Output = output,
        };

        var code = await new SetupWizard(console, answers, new SetupMachine { GpioChips = () => [], SerialDevices = () => [] }).RunAsync(CancellationToken.None);

        Assert.True(code == 0, console.Output);
        Assert.Equal(
            [new SensorEntry(17, 1, TrackPoint.FL), new SensorEntry(22, 2, TrackPoint.FLPL, true), new SensorEntry(5, 0, TrackPoint.Start)],
            SensorConfigLoader.Load(output).Sensors);
        await AssertPassesCheckAsync(output);
    }

    [Fact]
    public async Task RunAsync_FileExistsWithoutForceAndNoTerminal_RefusesAndLeavesItAlone()
    {
        using var dir = new TempDirectory();
        var output = dir.File("sensor.json");
        File.WriteAllText(output, "old");
        var console = new TestConsole();
        var answers = new SetupAnswers { Server = "10.0.0.5", NoProbe = true, Input = "keyboard", Lanes = 2, Output = output };

        var code = await new SetupWizard(console, answers, new SetupMachine()).RunAsync(CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("already exists: give --force", console.Output, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.bak"));
    }

    [Fact]
    public async Task RunAsync_GpioWithoutGatesAndNoTerminal_SaysWhichFlagIsMissing()
    {
        using var dir = new TempDirectory();
        var console = new TestConsole();
        var answers = new SetupAnswers { Server = "10.0.0.5", NoProbe = true, Input = "gpio", Output = dir.File("sensor.json") };

        var code = await new SetupWizard(console, answers, new SetupMachine()).RunAsync(CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("--gate is missing", console.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("sensor.json")));
    }

    [Fact]
    public async Task RunAsync_TabletDoesNotAnswer_ShowsTheProbeHintAndStopsWithoutATerminal()
    {
        using var dir = new TempDirectory();
        var console = new TestConsole();
        console.Profile.Width = 200;
        var answers = new SetupAnswers { Server = $"127.0.0.1:{FreePort()}", Input = "keyboard", Lanes = 1, Output = dir.File("sensor.json") };

        var code = await new SetupWizard(console, answers, new SetupMachine()).RunAsync(CancellationToken.None).Within();

        Assert.Equal(1, code);
        Assert.Contains("FAILED (NothingListening)", console.Output, StringComparison.Ordinal);
        Assert.Contains("Hint: ", console.Output, StringComparison.Ordinal);
        Assert.Contains("--no-probe", console.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("sensor.json")));
    }

    [Theory]
    [InlineData("17")]
    [InlineData("17:9:FL")]
    [InlineData("17:1:XX")]
    [InlineData("17:1:START")]
    [InlineData("x:1:FL")]
    [InlineData("17:1:FL:sideways")]
    public void GateSpec_BadValue_SaysTheForm(string text)
    {
        Assert.Null(GateSpec.TryParse(text, out var error));
        Assert.Contains("PIN:LANE:POINT", error, StringComparison.Ordinal);
    }

    private static void Push(TestConsole console, params string[] lines)
    {
        foreach (var line in lines)
        {
            console.Input.PushTextWithEnter(line);
        }
    }

    private static async Task AssertPassesCheckAsync(string path)
    {
        var check = await LapgateCli.RunAsync("sensor", "--check", "--config", path);
        Assert.True(check.ExitCode == 0, check.AllOutput);
        Assert.Contains("is valid", check.Output, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
