using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using Spectre.Console;

namespace LapGate.Cli.Setup;

/// <summary>
/// <c>lapgate setup</c>: writes a working sensor config in five steps: the tablet (probed), the input (what this
/// machine has), the gates (learned by watching a car pass), the filters, and writing (shown, backed up, checked).
/// Every answer can be given as a flag (<see cref="SetupAnswers"/>); without a terminal a missing one is an error
/// naming its flag. Driven through <see cref="IAnsiConsole"/>, so tests script it.
/// </summary>
internal sealed partial class SetupWizard(IAnsiConsole console, SetupAnswers answers, SetupMachine machine)
{
    private bool Interactive => console.Profile.Capabilities.Interactive;

    /// <summary>Runs the wizard: 0 when the config is written and checked, 1 when it stopped, 2 for a bad or missing answer.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        try
        {
            console.Write(new Rule("[yellow]LapGate setup[/]").LeftJustified());
            var server = await TabletAsync(ct);
            var input = Input();
            var gates = await GatesAsync(input, ct);
            var (minLap, debounce) = Filters();
            var config = new SensorConfig(gates, server, minLap, debounce);
            return Write(config, input);
        }
        catch (SetupException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return ex.ExitCode;
        }
        catch (InputOpenException ex)
        {
            console.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Stopped; nothing was written.[/]");
            return 1;
        }
    }

    private string Ask(string flag, string question, string? defaultValue = null, IEnumerable<string>? choices = null)
    {
        if (!Interactive)
        {
            if (defaultValue is not null)
            {
                return defaultValue;
            }
            throw new SetupException($"{flag} is missing: without a terminal every answer must be a flag (see 'lapgate setup --help')", 2);
        }
        var prompt = new TextPrompt<string>(question);
        if (defaultValue is not null)
        {
            prompt.DefaultValue(defaultValue);
        }
        if (choices is not null)
        {
            prompt.AddChoices(choices);
        }
        return console.Prompt(prompt).Trim();
    }

    private bool Confirm(string question, bool defaultValue)
    {
        if (!Interactive)
        {
            return defaultValue;
        }
        return console.Prompt(new ConfirmationPrompt(question) { DefaultValue = defaultValue });
    }

    private int AskNumber(string flag, string question, int defaultValue, int min, int max)
    {
        while (true)
        {
            var text = Ask(flag, question, defaultValue.ToString(CultureInfo.InvariantCulture));
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }
            if (!Interactive)
            {
                throw new SetupException($"{flag}: '{text}' must be a whole number {min}..{max}", 2);
            }
            console.MarkupLineInterpolated($"[red]'{text}' is not a whole number {min}..{max}; try again.[/]");
        }
    }

    private static void Step(IAnsiConsole console, int number, string title) =>
        console.Write(new Rule($"[bold]{number}/5 {Markup.Escape(title)}[/]").LeftJustified());
}
