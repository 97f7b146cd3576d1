using System.CommandLine.Parsing;
using LapGate.Cli.Sensor;
using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Pipeline;
using LapGate.Sensor.StatusPage;
using LapGate.Web;

namespace LapGate.Cli.Commands;

/// <summary>
/// <c>lapgate sensor</c>: the analog sensor (triggers from stdin, the keyboard, the simulator, GPIO pins or a
/// serial microcontroller) feeding the app;
/// <c>lapgate sensor --check</c>: validates a config and prints the gate mapping.
/// </summary>
internal static class SensorCommand
{
    /// <summary>The flag of each setting the sensor library's problems name.</summary>
    private static readonly OptionFlags Flags = new(("serverOverride", "--server"));

    public static Command Create()
    {
        var server = new Option<Uri>("--server") { Description = "The app's WebSocket, ws://HOST:PORT (default: \"server\" in the config)" }
            .ParsedBy(OptionSyntax.ServerAddress(webSocketOnly: false));
        var config = new Option<string?>("--config") { Description = "Config file (JSON): server, sensors (pin, lane, point), minLapMs, debounceMs" };
        var input = new Option<InputSpec>("--input")
        {
            Description = "Where triggers come from: stdin (line protocol '<pin> [<device_time_us>]'), simulate, keyboard (keys 1..8, s, t, q), "
                + "gpio[:CHIP] (Raspberry Pi pins, chip 0 by default) or serial:PATH[@BAUD] (a microcontroller, 115200 by default)",
            DefaultValueFactory = _ => new InputSpec(InputKind.Stdin),
        }.ParsedBy(InputSpec.TryParse);
        var outbox = new Option<string?>("--outbox") { Description = $"SQLite outbox/journal file (default {SensorOptions.DefaultOutboxPath})" };
        var check = new Option<bool>("--check") { Description = "Validate the config, print the mapping and exit (2 when it has errors)" };
        var cars = new Option<int>("--cars") { Description = "simulate: number of cars (1..8) when there is no config", DefaultValueFactory = _ => 4 }
            .Within(1, 8);
        var laps = new Option<int?>("--laps") { Description = "simulate: stop after the leader's N laps" };
        var allowedHost = new Option<string[]>("--allowed-host")
        {
            Description = "With --status: another name the page may be opened by (IP addresses, localhost, this machine's name and NAME.local always work)",
            AllowMultipleArgumentsPerToken = false,
        };
        var status = new Option<StatusPageOptions?>("--status")
        {
            Description = $"Serve a read-only live status page (and /api/status) on HOST:PORT, e.g. 0.0.0.0:{StatusPageOptions.DefaultPort} for phones on the network; off by default",
        };
        status.CustomParser = result => ParseStatus(result.Tokens[^1].Value, result.GetValue(allowedHost), result);
        var systemd = new Option<bool>("--systemd") { Description = "Run as a systemd service (ready notification, journald logs); automatic when started by systemd" };
        outbox.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError($"--outbox: give a file path, e.g. --outbox {SensorOptions.DefaultOutboxPath}");
            }
        });

        var command = new Command("sensor", "Run the analog sensor: triggers → filters → durable outbox → the SmartRace app.")
        {
            server, config, input, outbox, check, cars, laps, status, allowedHost, systemd,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(allowedHost) is not null && result.GetResult(status) is null)
            {
                result.AddError("--allowed-host only matters with --status HOST:PORT");
            }
            if (result.GetValue(config) is null && NeedsConfig(result.GetResult(input), result.GetValue(check)))
            {
                result.AddError("--config FILE is required (only --input simulate can run without one)");
            }
        });
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var inputSpec = parse.GetValue(input)!;
            var configPath = parse.GetValue(config);
            var sensorConfig = LoadConfig(configPath, parse.GetValue(server), inputSpec, parse.GetValue(cars), out var problem);
            if (sensorConfig is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(problem);
                return UsageErrors.ExitCode;
            }
            if (parse.GetValue(check))
            {
                SensorCheck.Print(sensorConfig, configPath!);
                return 0;
            }
            var outboxPath = parse.GetValue(outbox) ?? SensorOptions.DefaultOutboxPath;
            var statusPage = parse.GetValue(status);
            if (parse.GetValue(systemd) || SystemdSensorHost.StartedBySystemd())
            {
                return await SystemdSensorHost.RunAsync(sensorConfig, outboxPath, inputSpec, statusPage, ct);
            }
            var run = new SensorRun(sensorConfig, outboxPath, inputSpec, parse.GetValue(laps), statusPage);
            return await run.ExecuteAsync(ct);
        });
        return command;
    }

    private static StatusPageOptions? ParseStatus(string text, string[]? allowedHosts, ArgumentResult result)
    {
        var guards = new RequestGuardOptions { HowToAllowHost = "start the sensor with --allowed-host NAME" };
        foreach (var name in allowedHosts ?? [])
        {
            guards.AllowedHosts.Add(name);
        }
        var statusPage = StatusPageOptions.TryParse(text, guards, out var error);
        if (statusPage is null)
        {
            result.AddError($"--status {text}: {error}");
        }
        return statusPage;
    }

    /// <summary>
    /// Whether the run needs <c>--config</c>: only <c>--input simulate</c> without <c>--check</c> does not (a bad
    /// <c>--input</c> has its own error first).
    /// </summary>
    private static bool NeedsConfig(OptionResult? input, bool check)
    {
        if (check || input is null || input.Tokens.Count == 0)
        {
            return true;
        }
        return InputSpec.TryParse(input.Tokens[^1].Value, out _) is { } spec && spec.Kind != InputKind.Simulate;
    }

    /// <summary>The config from the file (or the simulated track's); null with <paramref name="problem"/> when unusable.</summary>
    private static SensorConfig? LoadConfig(string? configPath, Uri? server, InputSpec input, int cars, out string? problem)
    {
        var simulate = input.Kind == InputKind.Simulate;
        SensorConfig config;
        try
        {
            config = configPath is null ? SimulatedTrack.CreateConfig(cars, server) : SensorConfigLoader.Load(configPath, server);
        }
        catch (SensorConfigException ex)
        {
            problem = Flags.Name(ex.Message);
            return null;
        }
        problem = config.Server is null ? "server: missing: give --server ws://HOST:PORT or \"server\" in the config"
            : simulate && SimulatedTrack.RaceLanes(config).Count == 0 ? "--input simulate needs at least one FL or FLPL gate in the config"
            : null;
        return problem is null ? config : null;
    }
}
