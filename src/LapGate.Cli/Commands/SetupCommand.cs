using LapGate.Cli.Setup;
using LapGate.Cli.Terminal;
using LapGate.Sensor.Config;
using Spectre.Console;

namespace LapGate.Cli.Commands;

/// <summary>
/// <c>lapgate setup</c>: the interactive wizard that writes a working sensor config (every answer can be a flag).
/// Holds subcommands too (e.g. <c>setup from-pico</c>).
/// </summary>
internal static class SetupCommand
{
    public static Command Create()
    {
        var server = new Option<string?>("--server") { Description = "Step 1: the address Smartrace Connect shows (ws://HOST:PORT or HOST[:PORT])" };
        var noProbe = new Option<bool>("--no-probe") { Description = "Step 1: do not check the address (the tablet is not here yet)" };
        var input = new Option<string?>("--input") { Description = "Step 2: gpio[:CHIP], serial:PATH[@BAUD] or keyboard" };
        var lanes = new Option<int?>("--lanes") { Description = "Step 3: how many lanes to learn (1..8)" }.Within(1, 8);
        var gate = new Option<SensorEntry[]>("--gate") { Description = "Step 3: a gate instead of learning it, " + GateSpec.Form + " (repeat for each)" }
            .EachParsedBy<SensorEntry>(GateSpec.TryParse);
        var minLap = new Option<int?>("--min-lap-ms") { Description = $"Step 4: the minimum lap time in ms (suggested {SensorConfig.DefaultMinLapMs})" };
        var debounce = new Option<int?>("--debounce-ms") { Description = $"Step 4: the debounce in ms (suggested {SensorConfig.DefaultDebounceMs})" };
        var output = new Option<string>("--output") { Description = "Step 5: the config file to write", DefaultValueFactory = _ => SetupAnswers.DefaultOutput };
        var force = new Option<bool>("--force") { Description = "Step 5: replace an existing file without asking (a backup is still kept)" };
        var command = new Command("setup", "Set up the sensor step by step: the tablet, the input, the gates (learned by watching a car pass), the filters; writes and checks the config.")
        {
            SetupFromPicoCommand.Create(), server, noProbe, input, lanes, gate, minLap, debounce, output, force,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(minLap) is < 0 || result.GetValue(debounce) is < 0)
            {
                result.AddError("--min-lap-ms and --debounce-ms must not be negative");
            }
        });
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var answers = new SetupAnswers
            {
                Server = parse.GetValue(server),
                NoProbe = parse.GetValue(noProbe),
                Input = parse.GetValue(input),
                Lanes = parse.GetValue(lanes),
                Gates = [.. parse.GetValue(gate) ?? []],
                MinLapMs = parse.GetValue(minLap),
                DebounceMs = parse.GetValue(debounce),
                Output = parse.GetValue(output)!,
                Force = parse.GetValue(force),
            };
            using var stop = new StopSignal(ct);
            return await new SetupWizard(AnsiConsole.Console, answers, new SetupMachine()).RunAsync(stop.Token);
        });
        return command;
    }
}
