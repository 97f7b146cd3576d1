using LapGate.Bridge.Capture;
using LapGate.Protocol.Validation;

namespace LapGate.Bridge.Replay;

/// <summary>
/// <c>lapgate replay</c>: re-sends the client→app frames of a capture to a target with their recorded
/// pacing, printing whatever comes back (any frames, in any order).
/// Connections are replayed as they were recorded: one that opened after another had ended waits for that
/// one to finish; connections that overlapped in the capture run concurrently. Each starts at its recorded
/// offset (scaled by the speed) and its frames keep their offsets from its own opening.
/// </summary>
public static class CaptureReplayer
{
    /// <summary>Reads and replays a capture file. Never throws for bad input: the result says what failed.</summary>
    public static async Task<ReplayResult> RunFileAsync(string path, ReplayOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<CaptureEntry> entries;
        try
        {
            entries = CaptureFile.Read(path);
        }
        catch (CaptureFormatException ex)
        {
            return new ReplayResult(ReplayOutcome.MalformedCapture, $"malformed capture: {ex.Message}", 0, 0, 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ReplayResult(ReplayOutcome.Failed, $"cannot read capture {path}: {ex.Message}", 0, 0, 0);
        }
        return await RunAsync(entries, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replays capture records.</summary>
    public static async Task<ReplayResult> RunAsync(IReadOnlyList<CaptureEntry> capture, ReplayOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(options);
        ReplayOptionsValidator.Instance.ThrowIfInvalid(options);
        var plans = ReplayConnectionPlan.Build(capture);
        if (plans.Count == 0)
        {
            return new ReplayResult(ReplayOutcome.Failed, "the capture holds no client->app frames to replay", 0, 0, 0);
        }
        var output = options.Output is null ? null : TextWriter.Synchronized(options.Output);
        var counters = new ReplayCounters();
        var clock = options.TimeProvider;
        var start = clock.GetTimestamp();
        var origin = plans[0].OpenMs;
        var runs = new List<(ReplayConnectionPlan Plan, Task<ReplayResult?> Run)>();
        foreach (var plan in plans)
        {
            var before = runs.Where(r => r.Plan.EndMs <= plan.OpenMs).Select(r => r.Run).ToList();
            var connection = new ReplayConnection(plan, options, output, counters);
            runs.Add((plan, StartAfterAsync(before, connection, Scale(plan.OpenMs - origin, options), start, clock, cancellationToken)));
        }
        var results = await Task.WhenAll(runs.Select(r => r.Run)).ConfigureAwait(false);
        var failure = results.FirstOrDefault(r => r is not null);
        if (failure is not null)
        {
            return failure with { Connections = plans.Count, FramesSent = counters.Sent, FramesReceived = counters.Received };
        }
        return new ReplayResult(ReplayOutcome.Success,
            $"replayed {plans.Count} connection(s): {counters.Sent} frames sent, {counters.Received} received",
            plans.Count, counters.Sent, counters.Received);
    }

    private static async Task<ReplayResult?> StartAfterAsync(List<Task<ReplayResult?>> before, ReplayConnection connection, TimeSpan at, long start, TimeProvider clock, CancellationToken cancellationToken)
    {
        var earlier = await Task.WhenAll(before).ConfigureAwait(false);
        if (earlier.Any(r => r is not null))
        {
            return null; // An earlier connection failed and is reported; this one depended on it.
        }
        var wait = at - clock.GetElapsedTime(start);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
        return await connection.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A recorded span of milliseconds at the replay speed (zero when fast).</summary>
    internal static TimeSpan Scale(double ms, ReplayOptions options) =>
        options.Fast || ms <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(ms / options.Speed);
}
