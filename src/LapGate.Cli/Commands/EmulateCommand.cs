using LapGate.Cli.Logging;
using LapGate.Emulator;
using LapGate.Emulator.Faults;
using LapGate.Emulator.Hosting;
using LapGate.Cli.Terminal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;

namespace LapGate.Cli.Commands;

/// <summary><c>lapgate emulate</c>: runs the SmartRace Connect emulator until Ctrl+C.</summary>
internal static class EmulateCommand
{
    /// <summary>The flag of each option the emulator's problems name.</summary>
    internal static OptionFlags Flags { get; } = new(
        (nameof(EmulatorOptions.Bind), "--bind"),
        (nameof(EmulatorOptions.Port), "--port"),
        (nameof(EmulatorOptions.DriversFile), "--drivers"),
        (nameof(EmulatorOptions.ApiVersion), "--api-version"),
        (nameof(EmulatorOptions.DatabasePath), "--db"),
        (EmulatorOptions.NoDatabaseName, "--no-db"),
        (nameof(EmulatorOptions.ControlToken), "--control-token"),
        (nameof(EmulatorOptions.AllowedHosts), "--allowed-host"),
        (nameof(EmulatorOptions.AllowedOrigins), "--allow-origin"),
        (nameof(EmulatorOptions.HandshakeTimeout), "--handshake-timeout"),
        (nameof(EmulatorOptions.MaxConnections), "--max-connections"),
        ($"{nameof(EmulatorOptions.Faults)}.{nameof(FaultOptions.CloseAfterAnalogFrames)}", "--fault-close-after"),
        ($"{nameof(EmulatorOptions.Faults)}.{nameof(FaultOptions.HandshakeDelay)}", "--fault-handshake-delay"),
        ($"{nameof(EmulatorOptions.Faults)}.{nameof(FaultOptions.IgnoreHandshake)}", "--fault-ignore-handshake"));

    public static Command Create()
    {
        var bind = new Option<string>("--bind") { Description = "IP address to listen on (anything but loopback is reachable from the network)", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port for WebSocket and HTTP (0 = any free port)", DefaultValueFactory = _ => EmulatorOptions.DefaultPort };
        var drivers = new Option<FileInfo?>("--drivers") { Description = "JSON file shaped like update_controller_data's data: {\"1\":{\"color\":…,\"backgroundColor\":…,\"driver\":…,\"car\":…},…}; overrides the drivers managed in the emulator (POST /api/drivers)" };
        var apiVersion = new Option<int>("--api-version") { Description = "Api version to answer (the app sends 6 or 7)", DefaultValueFactory = _ => 7 };
        var db = new Option<FileInfo?>("--db") { Description = $"SQLite file for sessions and laps (default {EmulatorOptions.DefaultDatabasePath})" };
        var noDb = new Option<bool>("--no-db") { Description = "Keep everything in memory (nothing survives a restart)" };
        var closeAfter = new Option<int?>("--fault-close-after") { Description = "Fault: close each connection after N analog frames" };
        var handshakeDelay = new Option<int>("--fault-handshake-delay") { Description = "Fault: wait MS milliseconds before the handshake replies", DefaultValueFactory = _ => 0 };
        var ignoreHandshake = new Option<bool>("--fault-ignore-handshake") { Description = "Fault: never answer api_version" };
        var controlToken = new Option<string?>("--control-token") { Description = "Require this token (8+ characters) for every change over HTTP: Authorization: Bearer TOKEN (default: the LAPGATE_CONTROL_TOKEN environment variable, else none)" };
        var allowedHost = new Option<string[]>("--allowed-host") { Description = "Also answer to this host name (repeatable); by default only IP addresses, localhost and this machine's name (and NAME.local) are answered, other names get 400" };
        var allowOrigin = new Option<string[]>("--allow-origin") { Description = "Let pages from this origin (e.g. http://overlay.local:8080; repeatable) use the API and the WebSocket; other sites' pages get 403" };
        var handshakeTimeout = new Option<int>("--handshake-timeout") { Description = "Close a WebSocket that has not sent api_version within SECONDS", DefaultValueFactory = _ => (int)EmulatorOptions.DefaultHandshakeTimeout.TotalSeconds };
        var maxConnections = new Option<int>("--max-connections") { Description = "Open WebSocket connections at most; one more is closed with 1013 (try again later)", DefaultValueFactory = _ => EmulatorOptions.DefaultMaxConnections };
        var verbose = new Option<bool>("--verbose") { Description = "Also print ASP.NET Core's own log" };

        var command = new Command("emulate", "Run a SmartRace Connect emulator (WebSocket, HTTP API and live dashboard on one port) with a race engine.")
        {
            bind, port, drivers, apiVersion, db, noDb, closeAfter, handshakeDelay, ignoreHandshake, controlToken, allowedHost, allowOrigin,
            handshakeTimeout, maxConnections, verbose,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(noDb) && result.GetValue(db) is not null)
            {
                result.AddError("--db and --no-db cannot be used together");
            }
        });

        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new EmulatorOptions
            {
                Bind = parse.GetValue(bind)!,
                Port = parse.GetValue(port),
                DriversFile = parse.GetValue(drivers)?.FullName,
                ApiVersion = parse.GetValue(apiVersion),
                DatabasePath = parse.GetValue(noDb) ? null : parse.GetValue(db)?.FullName ?? EmulatorOptions.DefaultDatabasePath,
                ControlToken = parse.GetValue(controlToken) ?? (Environment.GetEnvironmentVariable("LAPGATE_CONTROL_TOKEN") is { Length: > 0 } fromEnv ? fromEnv : null),
                HandshakeTimeout = TimeSpan.FromSeconds(parse.GetValue(handshakeTimeout)),
                MaxConnections = parse.GetValue(maxConnections),
                // The hints the emulator gives while it runs (a refused Host, say) name these flags.
                OptionNames = Flags.Names,
                Faults = new FaultOptions
                {
                    CloseAfterAnalogFrames = parse.GetValue(closeAfter),
                    HandshakeDelay = TimeSpan.FromMilliseconds(parse.GetValue(handshakeDelay)),
                    IgnoreHandshake = parse.GetValue(ignoreHandshake),
                },
            };
            foreach (var name in parse.GetValue(allowedHost) ?? [])
            {
                options.AllowedHosts.Add(name);
            }
            foreach (var origin in parse.GetValue(allowOrigin) ?? [])
            {
                options.AllowedOrigins.Add(origin);
            }
            var showFramework = parse.GetValue(verbose);
            using var loggerFactory = LoggerFactory.Create(logging =>
            {
                // Registered directly: AddConsoleFormatter binds options by reflection (not AOT-safe).
                logging.Services.AddSingleton<ConsoleFormatter, CompactConsoleFormatter>();
                logging.AddConsole(console => console.FormatterName = CompactConsoleFormatter.FormatterName)
                    .AddFilter("Microsoft", showFramework ? LogLevel.Information : LogLevel.Warning)
                    // The host logs a failed bind as an error with a stack trace; the command prints one clear line instead.
                    .AddFilter("Microsoft.Extensions.Hosting", showFramework ? LogLevel.Information : LogLevel.None)
                    .AddFilter("LapGate", LogLevel.Information);
            });

            if (await Flags.ReportAsync(EmulatorOptionsValidator.Instance, options, error, "error: "))
            {
                return 2;
            }
            // Ctrl+C (SIGINT) and SIGTERM (systemd, docker stop) stop cleanly: connections closed, database flushed.
            // Handled from before the start, so a signal the moment it says it listens is a clean stop, never a kill.
            using var stop = new StopSignal(cancellationToken);
            EmulatorServer server;
            try
            {
                server = await EmulatorServer.StartAsync(options, loggerFactory, cancellationToken);
            }
            catch (EmulatorConfigurationException ex)
            {
                await error.WriteLineAsync($"error: {Flags.Name(ex.Message)}");
                return 2;
            }
            catch (IOException ex)
            {
                await error.WriteLineAsync($"error: cannot listen on {options.Bind}:{options.Port}: {ex.Message} (is another emulator running? try --port 0)");
                return 2;
            }

            await using (server)
            {
                await output.WriteLineAsync($"LapGate emulator listening on {server.WebSocketUri} (WebSocket) and {server.HttpUri}api/race (HTTP API). Ctrl+C stops.");
                await output.WriteLineAsync($"Live dashboard: {server.HttpUri} (open it in a browser on this machine; with --bind 0.0.0.0 from a phone or TV on the same network)");
                if (!EmulatorOptions.IsLoopback(options.Bind))
                {
                    await output.WriteLineAsync($"warning: bound to {options.Bind}: reachable from the network, not only this machine." +
                        (options.ControlToken is null ? " Anyone on it can start, stop and reset races: consider --control-token." : ""));
                }
                if (options.ControlToken is not null)
                {
                    await output.WriteLineAsync("Changes over HTTP need the control token (the dashboard asks for it once).");
                }
                await stop.WhenStopped();
                await output.WriteLineAsync("Stopping…");
            }
            return 0;
        });
        return command;
    }
}
