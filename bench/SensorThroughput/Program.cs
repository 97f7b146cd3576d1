using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using LapGate.Emulator;
using LapGate.Emulator.Hosting;
using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Pipeline;

// Sustained sensor -> emulator throughput with zero loss. Triggers on 8 lanes (device times 1 ms apart per
// lane, filters off) are offered as fast as the sensor takes them for the run time (backpressure: the input
// waits when the channel is full). Every accepted event goes through the SQLite outbox (one commit per batch; the
// fsyncs on the flusher's task, one for all batches committed while the previous ran) and the WebSocket link. The clock stops when the emulator has counted every event. Loss = accepted events the
// emulator did not count.
var quick = args.Contains("--quick");
var seconds = quick ? 5 : 60;
var dir = Path.Combine(Path.GetTempPath(), $"lapgate-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(dir);
try
{
    await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });
    var sensors = string.Join(",", Enumerable.Range(1, 8).Select(l => $$"""{"pin":{{20 + l}},"lane":{{l}},"point":"FL"}"""));
    var config = SensorConfigLoader.Parse($$"""{"sensors":[{{sensors}}],"minLapMs":0,"debounceMs":0}""", "bench", emulator.WebSocketUri);
    var counted = 0L;
    var allIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    long expected = -1;
    emulator.Race.Changed += (_, _) =>
    {
        var n = Interlocked.Increment(ref counted);
        if (n == Volatile.Read(ref expected))
        {
            allIn.TrySetResult();
        }
    };
    await using var sensor = new SensorRunner(new SensorOptions { Server = emulator.WebSocketUri, Config = config, OutboxPath = Path.Combine(dir, "outbox.db") });
    var accepted = 0L;
    sensor.Accepted += (_, events) => Interlocked.Add(ref accepted, events.Count);
    var source = new TimedSource(TimeSpan.FromSeconds(seconds));
    var clock = Stopwatch.StartNew();
    using var stop = new CancellationTokenSource();
    var run = sensor.RunAsync(source, stop.Token);
    await source.Finished.Task;
    var offeredFor = clock.Elapsed;
    Volatile.Write(ref expected, Interlocked.Read(ref accepted));
    if (Interlocked.Read(ref counted) >= Volatile.Read(ref expected))
    {
        allIn.TrySetResult();
    }
    await allIn.Task.WaitAsync(TimeSpan.FromMinutes(5));
    var total = Interlocked.Read(ref accepted);
    static int Crossings(EmulatorServer e) => e.Race.Snapshot().Controllers.Sum(c => c.LastCrossing is null ? 0 : c.Laps + 1);
    // Changed also fires for things other than laps: wait until the standings hold every event. They are a copy of
    // every lap so far, so they are looked at every 50 ms, not at every change: a check per lap would starve the
    // emulator (its pongs came late, and the link took the connection for dead).
    var tail = Stopwatch.StartNew();
    while (Crossings(emulator) < total && tail.Elapsed < TimeSpan.FromMinutes(5))
    {
        await Task.Delay(50);
    }
    var deliveredIn = clock.Elapsed;
    await stop.CancelAsync();
    try
    {
        await run;
    }
    catch (OperationCanceledException)
    {
        // Confirmation takes 3 s more; the figure is the emulator's receipt.
    }
    var race = emulator.Race.Snapshot();
    var status = sensor.Status;
    var crossings = race.Controllers.Sum(c => c.LastCrossing is null ? 0 : c.Laps + 1);
    Console.WriteLine($"SensorThroughput: {seconds} s of triggers on 8 lanes, line-less input -> filters -> outbox -> link -> emulator, {Environment.ProcessorCount} CPUs");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"events accepted {total}, counted by the emulator {crossings}, lost {total - crossings}, duplicates {race.DuplicatesIgnored}, violations {race.Violations.Count}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"throughput {total / deliveredIn.TotalSeconds:0} events/s (all {total} received within {deliveredIn.TotalSeconds:0.0} s; input offered for {offeredFor.TotalSeconds:0.0} s)"));
    // A duplicate is a frame re-sent after a reconnect (the emulator ignores exact copies): say how often the link was cut.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"reconnects {status.Reconnects}{(status.LastReconnectCause is { } cause ? $" (last: {cause})" : "")}"));
}
finally
{
    Directory.Delete(dir, recursive: true);
}

/// <summary>Offers triggers round-robin on pins 21..28 for a fixed time, as fast as they are taken.</summary>
internal sealed class TimedSource(TimeSpan duration) : ITriggerSource
{
    public string Name => "bench";

    public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async IAsyncEnumerable<Trigger> ReadAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var device = 1_000_000L;
        var n = 0;
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            if (n % 8 == 0)
            {
                device += 1000;
            }
            yield return new Trigger(21 + (n % 8), device, TimeProvider.System.GetTimestamp(), null);
            n++;
            if (n % 256 == 0)
            {
                await Task.Yield();
            }
        }
        Finished.TrySetResult();
    }
}
