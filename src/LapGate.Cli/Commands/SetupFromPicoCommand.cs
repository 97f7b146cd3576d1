using LapGate.Sensor.Config;
using LapGate.Sensor.Config.Pico;

namespace LapGate.Cli.Commands;

/// <summary>
/// <c>lapgate setup from-pico config.py</c>: writes the sensor config matching the original Pico W project's
/// config.py (its gates and the app's address), read as data and never run. Refuses to replace a file without --force.
/// </summary>
internal static class SetupFromPicoCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("CONFIG_PY") { Description = "The original board's config.py (copy it off the board with Thonny or 'mpremote cp :config.py .')" };
        var output = new Option<string>("--output", "-o") { Description = "The sensor config to write", DefaultValueFactory = _ => "sensor.json" };
        var server = new Option<Uri>("--server") { Description = "The app's WebSocket, ws://HOST:PORT (default: server and port from config_smartrace)" }
            .ParsedBy(OptionSyntax.ServerAddress(webSocketOnly: true));
        var force = new Option<bool>("--force") { Description = "Replace the output file when it exists" };
        var command = new Command("from-pico",
            "Write a sensor config from the original Pico W project's config.py: every (gpio, lane, point) of config_hardware, "
            + "and the server from config_smartrace. The file is read as data, never run.")
        {
            file, output, server, force,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var input = parse.GetValue(file)!;
            var target = parse.GetValue(output)!;
            var serverUri = parse.GetValue(server);
            string text;
            try
            {
                text = await File.ReadAllTextAsync(input, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"{input}: cannot read the file: {ex.Message}");
                return 2;
            }
            PicoImportResult result;
            try
            {
                result = PicoConfigImport.Import(text, input, serverUri);
            }
            catch (SensorConfigException ex)
            {
                await stderr.WriteLineAsync(ex.Message);
                return 2;
            }
            if (File.Exists(target) && !parse.GetValue(force))
            {
                await stderr.WriteLineAsync($"{target} already exists: nothing written. Give --force to replace it, or --output OTHER.json");
                return 2;
            }
            try
            {
                await File.WriteAllTextAsync(target, result.Json, ct);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"{target}: cannot write the file: {ex.Message}");
                return 2;
            }
            foreach (var warning in result.Warnings)
            {
                await stderr.WriteLineAsync("warning: " + warning);
            }
            var gates = string.Join(", ", result.Config.Sensors.Select(s => $"GPIO {s.Pin} lane {s.Lane} {s.Point.ToString().ToUpperInvariant()}"));
            await stdout.WriteLineAsync($"wrote {target}: {result.Config.Sensors.Count} gate(s) ({gates}), server {result.Config.Server}");
            await stdout.WriteLineAsync($"check it:  lapgate sensor --config {target} --check");
            await stdout.WriteLineAsync($"run it:    lapgate sensor --config {target} --input serial:/dev/ttyACM0   (with firmware/pico/main.py on the board)");
            return 0;
        });
        return command;
    }
}
