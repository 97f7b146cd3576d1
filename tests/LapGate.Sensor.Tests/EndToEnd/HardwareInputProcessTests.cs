using System.Net.Sockets;
using System.Text;

namespace LapGate.Sensor.Tests.EndToEnd;

/// <summary>The built lapgate with the hardware inputs' command-line forms.</summary>
public class HardwareInputProcessTests
{
    private const string Config = """
        {"sensors":[{"pin":21,"lane":1,"point":"FL"},{"pin":22,"lane":2,"point":"FL"},{"pin":5,"point":"START"}],"minLapMs":0,"debounceMs":0}
        """;

    [Theory]
    [InlineData("usb", "--input usb: unknown input (use stdin, simulate, keyboard, gpio[:CHIP] or serial:PATH[@BAUD])")]
    [InlineData("gpio:one", "--input gpio:one: 'one' is not a chip number")]
    [InlineData("serial:/dev/ttyACM0@fast", "--input serial:/dev/ttyACM0@fast: 'fast' is not a baud rate")]
    public async Task Sensor_BadInput_SaysWhatAndExitsTwo(string input, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c.json"), Config);

        var result = await LapgateCli.RunAsync("sensor", "--config", dir.File("c.json"), "--server", "ws://127.0.0.1:9", "--input", input);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensor_GpioChipMissing_ClearMessageNoStackTraceExitsOne()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c.json"), Config);

        var result = await LapgateCli.RunAsync("sensor", "--config", dir.File("c.json"), "--server", "ws://127.0.0.1:9", "--outbox", dir.File("o.db"), "--input", "gpio:97");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: gpio:97: /dev/gpiochip97 does not exist", result.Error, StringComparison.Ordinal);
        Assert.Contains("Choose the chip with --input gpio:N.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensor_KeyboardFromRedirectedInput_LapsAndStartDeliveredUntilQ()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c.json"), Config);
        await using var app = new StandInApp();

        var result = await LapgateCli.RunWithInputAsync("s12x1q2",
            "sensor", "--config", dir.File("c.json"), "--server", app.Url.ToString(), "--outbox", dir.File("o.db"), "--input", "keyboard");

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var events = app.Frames.Events();
        Assert.Equal(new RaceControl("start"), events[0]);
        Assert.Equal([1, 2, 1], events.OfType<AnalogLap>().Select(l => l.ControllerId));
        Assert.Equal(4, events.Count);
    }

    [Fact]
    public async Task Sensor_SystemdMode_NotifiesReadyAndStopsWhenInputEnds()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("c.json"), Config);
        await using var app = new StandInApp();
        var socketPath = dir.File("notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var received = ReceiveAllAsync(notify);

        var result = await LapgateCli.RunWithInputAsync("21 1000000\n21 3500000\n",
            new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = socketPath },
            "sensor", "--config", dir.File("c.json"), "--server", app.Url.ToString(), "--outbox", dir.File("o.db"));

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Equal(2, app.Frames.Events().Count);
        notify.Close();
        var messages = await received.Within();
        Assert.Contains("READY=1", messages, StringComparison.Ordinal);
        Assert.Contains("input ended and every event is delivered", result.AllOutput, StringComparison.Ordinal);
    }

    private static async Task<string> ReceiveAllAsync(Socket socket)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None);
                text.Append(Encoding.UTF8.GetString(buffer, 0, n)).Append('\n');
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return text.ToString();
        }
    }
}
