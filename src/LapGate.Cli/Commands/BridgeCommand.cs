using LapGate.Bridge;
using LapGate.Cli.Terminal;

namespace LapGate.Cli.Commands;

/// <summary><c>lapgate bridge</c>: a capture proxy between a sensor and the app.</summary>
internal static class BridgeCommand
{
    /// <summary>The flag of each option the bridge's problems name.</summary>
    private static readonly OptionFlags Flags = new(
        (nameof(BridgeOptions.Listen), "--listen"),
        (nameof(BridgeOptions.Upstream), "--upstream"),
        (nameof(BridgeOptions.CapturePath), "--capture"));

    public static Command Create()
    {
        var listen = new Option<string>("--listen")
        {
            Description = "Where sensors connect, HOST:PORT (port 0 picks a free one)",
            DefaultValueFactory = _ => "127.0.0.1:50781",
        };
        var upstream = new Option<Uri>("--upstream")
        {
            Description = "The app's WebSocket, e.g. ws://192.168.1.20:50780 (the only address the bridge connects to)",
            Required = true,
        }.ParsedBy((string text, out string? error) =>
        {
            error = $"lapgate bridge: --upstream '{text}' is not an address like ws://192.168.1.20:50780";
            return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
        });
        var capture = new Option<string?>("--capture")
        {
            Description = "Write every frame to this new JSONL file (see docs/capture-format.md)",
        };
        var quiet = new Option<bool>("--quiet")
        {
            Description = "Do not print frames (the capture file still gets them)",
        };
        var command = new Command("bridge", "Forward sensor <-> app both ways, printing and capturing every frame.")
        {
            listen, upstream, capture, quiet,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var upstreamUri = parse.GetValue(upstream)!;
            var options = new BridgeOptions
            {
                Listen = parse.GetValue(listen)!,
                Upstream = upstreamUri,
                CapturePath = parse.GetValue(capture),
                Output = parse.GetValue(quiet) ? null : output,
            };
            if (await Flags.ReportAsync(BridgeOptionsValidator.Instance, options, error, "lapgate bridge: ").ConfigureAwait(false))
            {
                return UsageErrors.ExitCode;
            }
            using var loggerFactory = LoggerFactory.Create(b => b
                .AddFilter("Microsoft", LogLevel.Warning)
                .AddFilter("Microsoft.Extensions.Hosting", LogLevel.None)
                .AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                }));
            // Ctrl+C and SIGTERM stop the bridge gracefully: close every connection, flush the capture. Handled from
            // before the start, so a signal the moment it says it listens is a clean stop too, never a kill.
            using var stop = new StopSignal(ct);
            BridgeServer server;
            try
            {
                server = await BridgeServer.StartAsync(options, loggerFactory, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"lapgate bridge: {Flags.Name(ex.Message)}").ConfigureAwait(false);
                return 2;
            }
            await using (server.ConfigureAwait(false))
            {
                await output.WriteLineAsync($"bridge on {server.ListenUri} -> {upstreamUri}"
                    + (options.CapturePath is null ? "" : $", capturing to {options.CapturePath}")
                    + "; Ctrl+C stops").ConfigureAwait(false);
                await stop.WhenStopped().ConfigureAwait(false);
                await output.WriteLineAsync("stopping: closing connections and flushing the capture").ConfigureAwait(false);
            }
            return 0;
        });
        return command;
    }
}
