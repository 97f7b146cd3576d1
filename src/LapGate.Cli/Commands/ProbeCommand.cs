using LapGate.Cli.Terminal;
using LapGate.Sensor.Probing;

namespace LapGate.Cli.Commands;

/// <summary><c>lapgate probe ws://HOST:PORT</c>: is the tablet reachable and does it answer like SmartRace Connect?</summary>
internal static class ProbeCommand
{
    /// <summary>The flag of each option the probe's problems name.</summary>
    private static readonly OptionFlags Flags = new(
        (nameof(ProbeOptions.Samples), "--samples"),
        (nameof(ProbeOptions.Timeout), "--timeout"));

    public static Command Create()
    {
        var address = new Argument<Uri>("address")
        {
            Description = "The app's address as Smartrace Connect shows it: ws://HOST:PORT (or HOST[:PORT])",
            CustomParser = result =>
            {
                var text = result.Tokens[^1].Value;
                var uri = TabletAddress.Parse(text);
                if (uri is null)
                {
                    result.AddError($"address: \"{text}\" is not an address like ws://192.168.1.20:{TabletAddress.DefaultPort}");
                }
                return uri;
            },
        };
        var samples = new Option<int>("--samples") { Description = "Round-trip samples (1..50)", DefaultValueFactory = _ => 5 };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "Seconds each step may take (0.1..60)", DefaultValueFactory = _ => TimeSpan.FromSeconds(3) }
            .Seconds("--timeout must be 0.1..60 seconds");
        var register = new Option<bool>("--register") { Description = "Also register as the analog sensor (off by default: a probe must not disturb a race)" };
        var command = new Command("probe", "Check the path to the app: reachable, handshake, api version, drivers per controller, round-trip time.")
        {
            address, samples, timeout, register,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var server = parse.GetValue(address)!;
            var options = new ProbeOptions { Samples = parse.GetValue(samples), Timeout = parse.GetValue(timeout), Register = parse.GetValue(register) };
            if (await Flags.ReportAsync(ProbeOptionsValidator.Instance, options, parse.InvocationConfiguration.Error, ""))
            {
                return UsageErrors.ExitCode;
            }
            using var stop = new StopSignal(ct);
            await output.WriteLineAsync($"Probing {server} …");
            ProbeResult result;
            try
            {
                result = await AppProbe.RunAsync(server, options, stop.Token);
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
            {
                await output.WriteLineAsync("stopped.");
                return 1;
            }
            ProbeReport.Write(result, output);
            return result.Success ? 0 : 1;
        });
        return command;
    }
}
