using LapGate.Cli.Sensor;
using LapGate.Sensor.Outbox;
using LapGate.Sensor.Pipeline;
using Spectre.Console;

namespace LapGate.Cli.Tests;

public class SensorScreenTests
{
    [Fact]
    public void Render_OutboxCannotBeWritten_ShowsNotDurableWithTheCauseAndTheFix()
    {
        using var mount = new TmpfsMount(256);
        mount.Fill();
        var problem = Assert.IsType<OutboxProblem>(OutboxProblem.Check(mount.File("outbox.db")));
        var status = new SensorStatus { OutboxProblem = problem, Lanes = [new LaneStatus { Lane = 1, CrossingsSent = 3 }] };

        var screen = Text(status);
        var healthy = Text(status with { OutboxProblem = null });

        Assert.Contains("NOT DURABLE: no space left on the device: laps are sent from memory", screen, StringComparison.Ordinal);
        Assert.Contains("Free some space on that disk", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("NOT DURABLE", healthy, StringComparison.Ordinal);
    }

    private static string Text(SensorStatus status)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 400;
        console.Write(SensorScreen.Render(status, new Uri("ws://127.0.0.1:50780/"), "stdin", []));
        return writer.ToString();
    }
}
