using System.CommandLine;
using LapGate.Cli.Sensor;
using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Pipeline;
using LapGate.Sensor.StatusPage;
using LapGate.Web;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace LapGate.Cli.Commands;

/// <summary>
/// <c>lapgate sensor</c>: the analog sensor (triggers from stdin, the keyboard, the simulator, GPIO pins or a
/// serial microcontroller) feeding the app;
/// <c>lapgate sensor --check</c>: validates a config and prints the gate mapping.
/// </summary>
internal static class SensorCommand
{
    /// <summary>The flag of each setting the sensor library's problems name.</summary>
    private static readonly OptionFlags Flags = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["serverOverride"] = "--server",
    });

    public static Command Create()
    {
        var server = new Option<string?>("--server") { Description = "The app's WebSocket, ws://HOST:PORT (default: \"server\" in the config)" };
        var config = new Option<string?>("--config") { Description = "Config file (JSON): server, sensors (pin, lane, point), minLapMs, debounceMs" };
        var input = new Option<string>("--input")
        {
            Description = "Where triggers come from: stdin (line protocol '<pin> [<device_time_us>]'), simulate, keyboard (keys 1..8, s, t, q), "
                + "gpio[:CHIP] (Raspberry Pi pins, chip 0 by default) or serial:PATH[@BAUD] (a microcontroller, 115200 by default)",
            DefaultValueFactory = _ => "stdin",
        };
        var outbox = new Option<string?>("--outbox") { Description = $"SQLite outbox/journal file (default {SensorOptions.DefaultOutboxPath})" };
        var check = new Option<bool>("--check") { Description = "Validate the config, print the mapping and exit (2 when it has errors)" };
        var cars = new Option<int>("--cars") { Description = "simulate: number of cars (1..8) when there is no config", DefaultValueFactory = _ => 4 };
        var laps = new Option<int?>("--laps") { Description = "simulate: stop after the leader's N laps" };
        var status = new Option<string?>("--status")
        {
            Description = $"Serve a read-only live status page (and /api/status) on HOST:PORT, e.g. 0.0.0.0:{StatusPageOptions.DefaultPort} for phones on the network; off by default",
        };
        var allowedHost = new Option<string[]>("--allowed-host")
        {
            Description = "With --status: another name the page may be opened by (IP addresses, localhost, this machine's name and NAME.local always work)",
            AllowMultipleArgumentsPerToken = false,
        };
        var systemd = new Option<bool>("--systemd") { Description = "Run as a systemd service (ready notification, journald logs); automatic when started by systemd" };

        var command = new Command("sensor", "Run the analog sensor: triggers → filters → durable outbox → the SmartRace app.");
        foreach (var option in new Option[] { server, config, input, outbox, check, cars, laps, status, allowedHost, systemd })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            Uri? serverUri = null;
            if (parse.GetValue(server) is { } serverText && !Uri.TryCreate(serverText, UriKind.Absolute, out serverUri))
            {
                await stderr.WriteLineAsync($"--server: \"{serverText}\" is not an address like ws://192.168.1.20:50780");
                return 2;
            }
            var configPath = parse.GetValue(config);
            if (InputSpec.TryParse(parse.GetValue(input)!, out var inputError) is not { } inputSpec)
            {
                await stderr.WriteLineAsync(inputError);
                return 2;
            }
            StatusPageOptions? statusPage = null;
            if (parse.GetValue(status) is { } statusText)
            {
                var guards = new RequestGuardOptions { HowToAllowHost = "start the sensor with --allowed-host NAME" };
                foreach (var name in parse.GetValue(allowedHost) ?? [])
                {
                    guards.AllowedHosts.Add(name);
                }
                statusPage = StatusPageOptions.TryParse(statusText, guards, out var statusError);
                if (statusPage is null)
                {
                    await stderr.WriteLineAsync($"--status {statusText}: {statusError}");
                    return 2;
                }
            }
            else if (parse.GetValue(allowedHost) is { Length: > 0 })
            {
                await stderr.WriteLineAsync("--allowed-host only matters with --status HOST:PORT");
                return 2;
            }
            var simulate = inputSpec.Kind == InputKind.Simulate;
            if (configPath is null && (parse.GetValue(check) || !simulate))
            {
                await stderr.WriteLineAsync("--config FILE is required (only --input simulate can run without one)");
                return 2;
            }
            SensorConfig sensorConfig;
            try
            {
                sensorConfig = configPath is null
                    ? SimulatedTrack.CreateConfig(parse.GetValue(cars), serverUri)
                    : SensorConfigLoader.Load(configPath, serverUri);
            }
            catch (SensorConfigException ex)
            {
                await stderr.WriteLineAsync(Flags.Name(ex.Message));
                return 2;
            }
            catch (ArgumentOutOfRangeException)
            {
                await stderr.WriteLineAsync("--cars must be 1..8");
                return 2;
            }
            if (sensorConfig.Server is null)
            {
                await stderr.WriteLineAsync("server: missing: give --server ws://HOST:PORT or \"server\" in the config");
                return 2;
            }
            if (simulate && SimulatedTrack.RaceLanes(sensorConfig).Count == 0)
            {
                await stderr.WriteLineAsync("--input simulate needs at least one FL or FLPL gate in the config");
                return 2;
            }
            if (parse.GetValue(check))
            {
                SensorCheck.Print(sensorConfig, configPath!);
                return 0;
            }
            var outboxPath = parse.GetValue(outbox) ?? SensorOptions.DefaultOutboxPath;
            if (string.IsNullOrWhiteSpace(outboxPath))
            {
                await stderr.WriteLineAsync($"--outbox: give a file path, e.g. --outbox {SensorOptions.DefaultOutboxPath}");
                return 2;
            }
            if (parse.GetValue(systemd) || SystemdSensorHost.StartedBySystemd())
            {
                return await SystemdSensorHost.RunAsync(sensorConfig, outboxPath, inputSpec, statusPage, ct);
            }
            var run = new SensorRun(sensorConfig, outboxPath, inputSpec, parse.GetValue(laps), statusPage);
            return await run.ExecuteAsync(ct);
        });
        return command;
    }
}
