using LapGate.Cli.Terminal;
using LapGate.Cli.Sensor;
using Spectre.Console;

namespace LapGate.Cli.Setup;

// Steps 1 and 2: the tablet's address (probed) and the input.
internal sealed partial class SetupWizard
{
    private async Task<Uri> TabletAsync(CancellationToken ct)
    {
        Step(console, 1, "The tablet");
        console.MarkupLine("Open SmartRace on the tablet, turn on [bold]Smartrace Connect[/] and read the address it shows (like ws://192.168.1.20:50780).");
        while (true)
        {
            var text = answers.Server ?? Ask("--server", "Address Smartrace Connect shows:");
            if (TabletAddress.Parse(text) is not { } server)
            {
                if (answers.Server is not null || !Interactive)
                {
                    throw new SetupException($"--server: \"{text}\" is not an address like ws://192.168.1.20:50780", 2);
                }
                console.MarkupLineInterpolated($"[red]\"{text}\" is not an address like ws://192.168.1.20:50780; try again.[/]");
                continue;
            }
            if (answers.NoProbe)
            {
                console.MarkupLineInterpolated($"Not checking {server} (--no-probe).");
                return server;
            }
            console.MarkupLineInterpolated($"Checking {server} …");
            var result = await machine.Probe(server, ct);
            if (result.Success)
            {
                console.MarkupLineInterpolated($"[green]OK: the app answers (api version {result.ApiVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}).[/]");
                return server;
            }
            console.MarkupLineInterpolated($"[red]FAILED ({result.Failure}): {result.Detail}[/]");
            console.MarkupLineInterpolated($"Hint: {result.Hint}");
            if (!Interactive)
            {
                throw new SetupException($"the app at {server} does not answer; fix that, or give --no-probe to write the config anyway", 1);
            }
            if (Confirm("Use this address anyway (the tablet is not ready yet)?", false))
            {
                return server;
            }
            if (answers.Server is not null)
            {
                throw new SetupException("stopped: the app does not answer at --server's address", 1);
            }
        }
    }

    private InputSpec Input()
    {
        Step(console, 2, "The input");
        var offers = new List<(string Value, string Label)>();
        foreach (var chip in machine.GpioChips())
        {
            var number = chip["/dev/gpiochip".Length..];
            offers.Add(($"gpio:{number}", $"GPIO pins on {chip}"));
        }
        foreach (var device in machine.SerialDevices())
        {
            offers.Add(($"serial:{device}", $"a microcontroller board on {device}"));
        }
        offers.Add(("keyboard", "the keyboard (keys 1..8 are the lanes: to try things out)"));
        string text;
        if (answers.Input is { } given)
        {
            text = given;
        }
        else
        {
            console.MarkupLine("This machine has:");
            foreach (var (value, label) in offers)
            {
                console.MarkupLineInterpolated($"  [bold]{value}[/]  {label}");
            }
            text = Ask("--input", "Input:", offers[0].Value, offers.Select(o => o.Value));
        }
        if (InputSpec.TryParse(text, out var error) is not { } input || input.Kind is InputKind.Stdin or InputKind.Simulate)
        {
            throw new SetupException(error ?? $"--input {text}: setup takes gpio[:CHIP], serial:PATH[@BAUD] or keyboard", 2);
        }
        return input;
    }
}
