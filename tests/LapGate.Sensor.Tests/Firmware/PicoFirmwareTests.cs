using System.Globalization;

namespace LapGate.Sensor.Tests.Firmware;

/// <summary>
/// firmware/pico/main.py in the real MicroPython interpreter (WebAssembly port) with a fake machine and time:
/// each interrupt runs with the heap locked, as a hard interrupt on the Pico, so a handler that allocates fails.
/// </summary>
public class PicoFirmwareTests
{
    private const long Wrap30 = 1L << 30;

    private static string Line(int gpio, long us) => $"{gpio} {(us % (1L << 32)).ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task Firmware_LapsOnSeveralPins_PrintsPinAndDeviceTimeInEdgeOrder()
    {
        var board = new PicoBoard(startUs: 5_000_000)
            .Step(5_000_100)
            .Pass(6_000_000, 21).Pass(6_100_250, 16).Pass(6_400_000, 17)
            .Edge(11_123_000, 21).Edge(11_123_400, 16)          // two edges before the loop prints
            .Step(11_200_000)
            .Pass(16_000_001, 21);

        var run = await board.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([Line(21, 6_000_000), Line(16, 6_100_250), Line(17, 6_400_000), Line(21, 11_123_000), Line(16, 11_123_400), Line(21, 16_000_001)],
            run.Triggers);
    }

    [Fact]
    public async Task Firmware_TicksWrapAt2Pow30MidLap_LapIsTheTrueInterval()
    {
        var start = Wrap30 - 3_000_000;
        var board = new PicoBoard(start)
            .Pass(Wrap30 - 2_000_000, 21)
            .Pass(Wrap30 + 2_500_000, 21)                        // ticks_us went from 2^30 - 2 s to 2.5 s
            .Pass(Wrap30 + 7_000_000, 21);

        var run = await board.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([Line(21, Wrap30 - 2_000_000), Line(21, Wrap30 + 2_500_000), Line(21, Wrap30 + 7_000_000)], run.Triggers);
    }

    [Fact]
    public async Task Firmware_IdleForSeveralTickPeriodsAndPast2Pow32_KeepsCountingAndPrintsModulo2Pow32()
    {
        // The loop turns once a second while no car passes for over an hour: ticks_us wraps four times at 2^30,
        // and the printed time wraps once at 2^32.
        var start = 1_000_000L;
        var late = (1L << 32) + 4_000_000;
        var board = new PicoBoard(start)
            .Pass(2_000_000, 21)
            .Idle(late, 1_000_000)
            .Pass(late + 123, 21);

        var run = await board.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([Line(21, 2_000_000), Line(21, late + 123)], run.Triggers);
        Assert.Equal("21 4000123", run.Triggers[1]);
    }

    [Fact]
    public async Task Firmware_BurstLongerThanTheRing_KeepsTheFirst63AndReportsOverflow()
    {
        var board = new PicoBoard(startUs: 1_000_000).Step(1_000_100);
        for (var i = 0; i < 100; i++)
        {
            board.Edge(2_000_000 + (i * 2_000), 16 + (i % 4));   // 2 ms apart: not glitches, but no loop turn between
        }
        board.Step(2_300_000).Pass(3_000_000, 21);

        var run = await board.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = Enumerable.Range(0, 63).Select(i => Line(16 + (i % 4), 2_000_000 + (i * 2_000))).Append(Line(21, 3_000_000));
        Assert.Equal(expected, run.Triggers);
        var overflow = Assert.Single(run.Lines, l => l.StartsWith("# overflow", StringComparison.Ordinal));
        Assert.Equal("# overflow 37", overflow);
        Assert.True(run.Lines.ToList().IndexOf(overflow) > run.Lines.ToList().IndexOf(Line(16 + (62 % 4), 2_000_000 + (62 * 2_000))), run.ToString());
    }

    [Fact]
    public async Task Firmware_Start_PrintsBannerWithVersionPinsAndWrapHandlingAndSetsUpHardFallingIrqs()
    {
        var run = await new PicoBoard(startUs: 1_000_000).Step(1_000_100).Idle(62_000_000, 1_000_000).RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("# lapgate-pico 1.0 on ", run.Lines[0], StringComparison.Ordinal);
        Assert.Contains("gates GP16 GP17 GP18 GP19 GP20 GP21 from main.py, falling (active low) edge, ring 63", run.Lines[0], StringComparison.Ordinal);
        Assert.Equal("# '<pin> <device_us>' per edge; ticks_us period 2^30 extended with ticks_diff, printed modulo 2^32", run.Lines[1]);
        Assert.Equal(2, run.Lines.Count(l => l == run.Lines[0]));        // repeated after a minute, for a sensor started later
        Assert.Empty(run.Triggers);
        Assert.Equal(new[] { "16", "17", "18", "19", "20", "21" }.Select(p => $"irq GP{p} falling pull-up hard"), run.Diagnostics);
    }

    [Fact]
    public async Task Firmware_GlitchShorterThan1Ms_DroppedOnTheBoard()
    {
        var run = await new PicoBoard(startUs: 1_000_000)
            .Edge(2_000_000, 21).Edge(2_000_300, 21).Edge(2_000_900, 21).Step(2_010_000)
            .Pass(2_500_000, 21)
            .RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([Line(21, 2_000_000), Line(21, 2_500_000)], run.Triggers);
    }

    [Fact]
    public async Task Firmware_OriginalConfigPyOnTheBoard_TakesTheGatePinsFromConfigHardware()
    {
        var run = await new PicoBoard(startUs: 1_000_000, PicoConfigs.OriginalExample)
            .Step(1_000_100)
            .Pass(2_000_000, 21).Pass(2_500_000, 6).Pass(3_000_000, 20)
            .RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("gates GP21 GP20 GP6 GP7 from config.py", run.Lines[0], StringComparison.Ordinal);
        Assert.Equal([Line(21, 2_000_000), Line(6, 2_500_000), Line(20, 3_000_000)], run.Triggers);
        Assert.Equal(["irq GP6 falling pull-up hard", "irq GP7 falling pull-up hard", "irq GP20 falling pull-up hard", "irq GP21 falling pull-up hard"],
            run.Diagnostics);
    }

    [Fact]
    public async Task Firmware_BrokenConfigPy_SaysSoInTheBannerAndUsesTheMainPyPins()
    {
        var run = await new PicoBoard(startUs: 1_000_000, "config_hardware = [(21, 1, 'FL')\n").Step(1_000_100).RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("from main.py", run.Lines[0], StringComparison.Ordinal);
        Assert.Contains(run.Lines, l => l.StartsWith("# config.py ignored (SyntaxError", StringComparison.Ordinal));
    }
}
