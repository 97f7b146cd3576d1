using LapGate.Cli.Sensor;
using LapGate.Sensor.Config;
using Spectre.Console;

namespace LapGate.Cli.Setup;

// Steps 4 and 5: the filters, then writing the file (shown, backed up, checked).
internal sealed partial class SetupWizard
{
    private (int MinLapMs, int DebounceMs) Filters()
    {
        Step(console, 4, "The filters");
        console.MarkupLine("A lap shorter than the minimum is a false trigger (a bounce, a hand, a car thrown back). Take about half your fastest real lap.");
        var minLap = answers.MinLapMs ?? AskNumber("--min-lap-ms", "Minimum lap time in ms:", SensorConfig.DefaultMinLapMs, 0, 600_000);
        console.MarkupLine("A gate that fires again on the same pin within the debounce time is the same car.");
        var debounce = answers.DebounceMs ?? AskNumber("--debounce-ms", "Debounce in ms:", SensorConfig.DefaultDebounceMs, 0, 10_000);
        return (minLap, debounce);
    }

    private int Write(SensorConfig config, InputSpec input)
    {
        Step(console, 5, "Writing");
        var path = Path.GetFullPath(answers.Output);
        var json = SensorConfigWriter.ToJson(config);
        console.Write(new Panel(new Text(json)).Header(Markup.Escape(path)));
        if (File.Exists(path) && !answers.Force)
        {
            if (!Interactive)
            {
                throw new SetupException($"{path} already exists: give --force to replace it (a backup is kept) or --output for another file", 2);
            }
            if (!Confirm($"{path} already exists. Replace it (the old one is kept as a backup)?", false))
            {
                throw new SetupException("Stopped; nothing was written.", 1);
            }
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path))
            {
                var backup = $"{path}.{machine.TimeProvider.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.bak";
                File.Copy(path, backup, overwrite: true);
                console.MarkupLineInterpolated($"The old file is kept as {backup}.");
            }
            var temporary = path + ".new";
            File.WriteAllText(temporary, json);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SetupException($"cannot write {path}: {ex.Message}. Run setup with sudo, or give --output FILE somewhere you may write", 1);
        }

        SensorConfig written;
        try
        {
            written = SensorConfigLoader.Load(path);
        }
        catch (SensorConfigException ex)
        {
            throw new SetupException($"the file was written but does not pass the check:\n{ex.Message}", 1);
        }
        SensorCheck.Print(written, path, console);
        var inputText = input.ToString();
        console.MarkupLineInterpolated($"Try it: [bold]lapgate sensor --config {path} --input {inputText} --status 0.0.0.0:{LapGate.Sensor.StatusPage.StatusPageOptions.DefaultPort}[/]");
        if (string.Equals(path, SetupAnswers.DefaultOutput, StringComparison.Ordinal))
        {
            if (input.Kind != InputKind.Gpio || input.GpioChip != 0)
            {
                console.MarkupLineInterpolated($"The service runs --input gpio: change its ExecStart to --input {inputText} with 'sudo systemctl edit --full lapgate-sensor'.");
            }
            console.MarkupLine("Start it now and at every boot: [bold]sudo systemctl enable --now lapgate-sensor[/]");
        }
        else
        {
            console.MarkupLineInterpolated($"The service reads {SetupAnswers.DefaultOutput}: copy the file there, then [bold]sudo systemctl enable --now lapgate-sensor[/]");
        }
        return 0;
    }
}
