using LapGate.Cli.Sensor;
using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using Spectre.Console;

namespace LapGate.Cli.Setup;

// Step 3: the gates, learned by watching a car pass (or given with --gate).
internal sealed partial class SetupWizard
{
    private static readonly string[] LanePoints = ["FL", "FLPL", "PE", "PL"];

    private async Task<IReadOnlyList<SensorEntry>> GatesAsync(InputSpec input, CancellationToken ct)
    {
        Step(console, 3, "The gates");
        if (answers.Gates is { Count: > 0 } given)
        {
            console.MarkupLineInterpolated($"{given.Count} gate(s) from --gate.");
            return given;
        }
        if (input.Kind == InputKind.Keyboard)
        {
            var lanes = answers.Lanes ?? AskNumber("--lanes", "How many lanes?", 2, 1, 8);
            console.MarkupLineInterpolated($"Keys 1..{lanes} will be the finish lines of lanes 1..{lanes}.");
            return Enumerable.Range(1, lanes).Select(l => new SensorEntry(l, l, TrackPoint.FL)).ToArray();
        }
        if (!Interactive)
        {
            throw new SetupException("--gate is missing: without a terminal the gates cannot be learned; give each as --gate " + GateSpec.Form, 2);
        }
        using var watcher = machine.Watch(input);
        if (watcher.Pins.Count > 0)
        {
            console.MarkupLineInterpolated($"Watching {watcher.Pins.Count} free pins ({string.Join(' ', watcher.Pins)}).");
        }
        var gates = new List<SensorEntry>();
        var lane = 1;
        while (true)
        {
            gates.Add(await LearnAsync(watcher, gates, lane, $"Drive a car over lane {lane}'s finish line now (Ctrl+C stops)", "FL", ct));
            while (Confirm($"Another gate on lane {lane} (pit entry, pit exit)?", false))
            {
                gates.Add(await LearnAsync(watcher, gates, lane, $"Pass a car (or a hand) through that gate of lane {lane} now", "PE", ct));
            }
            var more = answers.Lanes is { } count ? lane < count : Confirm("Another lane?", lane < 2);
            if (!more)
            {
                break;
            }
            lane++;
        }
        if (Confirm("Do you have START/STOP buttons?", false))
        {
            gates.Add(await LearnButtonAsync(watcher, gates, TrackPoint.Start, ct));
            gates.Add(await LearnButtonAsync(watcher, gates, TrackPoint.Stop, ct));
        }
        return gates;
    }

    private async Task<SensorEntry> LearnAsync(IGateWatcher watcher, List<SensorEntry> gates, int lane, string instruction, string defaultPoint, CancellationToken ct)
    {
        var seen = await WatchAsync(watcher, gates, instruction, ct);
        var point = GateSpec.ParsePoint(Ask("--gate", "Which point is it? FL finish line, FLPL finish line in the pit lane, PE pit entry, PL pit exit:", defaultPoint, LanePoints))!.Value;
        return new SensorEntry(seen.Pin, lane, point, seen.ActiveHigh ?? false);
    }

    private async Task<SensorEntry> LearnButtonAsync(IGateWatcher watcher, List<SensorEntry> gates, TrackPoint button, CancellationToken ct)
    {
        var seen = await WatchAsync(watcher, gates, $"Press the {button.ToString().ToUpperInvariant()} button now", ct);
        return new SensorEntry(seen.Pin, 0, button, seen.ActiveHigh ?? false);
    }

    private async Task<GateSeen> WatchAsync(IGateWatcher watcher, List<SensorEntry> gates, string instruction, CancellationToken ct)
    {
        console.MarkupLineInterpolated($"[yellow]{instruction}[/] …");
        var seen = await watcher.WaitForGateAsync(gates.Select(g => g.Pin).ToHashSet(), ct);
        var level = seen.ActiveHigh switch
        {
            true => " (idles low, goes high: activeHigh)",
            false => " (idles high, goes low)",
            null => "",
        };
        console.MarkupLineInterpolated($"[green]Pin {seen.Pin.ToString(CultureInfo.InvariantCulture)} fired{level}.[/]");
        return seen;
    }
}
