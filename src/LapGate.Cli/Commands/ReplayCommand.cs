using LapGate.Bridge.Replay;

namespace LapGate.Cli.Commands;

/// <summary><c>lapgate replay</c>: re-sends a capture's sensor frames to an app or emulator.</summary>
internal static class ReplayCommand
{
    /// <summary>The flag of each option the replayer's problems name.</summary>
    private static readonly OptionFlags Flags = new(
        (nameof(ReplayOptions.Target), "--to"),
        (nameof(ReplayOptions.Speed), "--speed"));

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A capture written by lapgate bridge --capture (JSONL)" };
        var to = new Option<string>("--to")
        {
            Description = "The WebSocket to replay against, e.g. ws://127.0.0.1:50780",
            Required = true,
        };
        var speed = new Option<double>("--speed")
        {
            Description = "Divide the recorded pauses by this (2 = twice as fast)",
            DefaultValueFactory = _ => 1.0,
        };
        var fast = new Option<bool>("--fast") { Description = "No pauses: send every frame as soon as possible" };
        var command = new Command("replay", "Re-send the client->app frames of a capture with their recorded pacing; print the replies.\n"
            + "Exit codes: 0 ok, 1 other failure, 2 malformed capture or bad option, 3 target unreachable, 4 target closed early.")
        {
            file, to, speed, fast,
        };
        command.SetAction(async (ParseResult parse, CancellationToken ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new ReplayOptions
            {
                Target = Uri.TryCreate(parse.GetValue(to), UriKind.Absolute, out var target) ? target : null,
                Speed = parse.GetValue(speed),
                Fast = parse.GetValue(fast),
                Output = output,
            };
            if (await Flags.ReportAsync(ReplayOptionsValidator.Instance, options, error, "lapgate replay: ").ConfigureAwait(false))
            {
                return (int)ReplayOutcome.MalformedCapture;
            }
            var result = await CaptureReplayer.RunFileAsync(parse.GetValue(file)!, options, ct).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                await output.WriteLineAsync(result.Message).ConfigureAwait(false);
            }
            else
            {
                await error.WriteLineAsync($"lapgate replay: {result.Message}").ConfigureAwait(false);
            }
            return result.ExitCode;
        });
        return command;
    }
}
