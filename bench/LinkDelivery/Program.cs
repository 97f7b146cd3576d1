using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using LapGate.Emulator;
using LapGate.Emulator.Hosting;
using LapGate.Sensor.Events;
using LapGate.Sensor.Link;
using LapGate.Sensor.Outbox;

// The sensor's link: how soon a sent frame counts as delivered, how many frames a cut makes it send again, and what
// an idle connected sensor costs in CPU next to a CPython websockets client.
//   LinkDelivery confirm [--quick]               confirmation delay after send, on loopback (AppLink -> emulator)
//   LinkDelivery cuts [--quick]                  re-sent frames per cut, 8-lane race, a cut every 20 s
//   LinkDelivery idle LAPGATE_BINARY SECONDS     CPU of an idle connected sensor and of a CPython client + server
var mode = args.FirstOrDefault() ?? "confirm";
var quick = args.Contains("--quick");
switch (mode)
{
    case "confirm":
        await ConfirmAsync(quick ? 300 : 2000);
        break;
    case "cuts":
        await CutsAsync(quick ? 120 : 600);
        break;
    case "idle":
        await IdleCpu.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
        break;
    default:
        Console.Error.WriteLine($"unknown mode '{mode}': use confirm, cuts or idle");
        return 2;
}
return 0;

static async Task ConfirmAsync(int laps)
{
    const int Warmup = 100;
    using var dir = new TempFolder();
    await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });
    using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
    var link = new AppLink(emulator.WebSocketUri, outbox, new LinkOptions());
    var sentAt = new Dictionary<long, long>();
    var delays = new List<double>();
    var confirmed = new SemaphoreSlim(0);
    link.Sent += (_, events) =>
    {
        var now = Stopwatch.GetTimestamp();
        lock (sentAt)
        {
            foreach (var e in events)
            {
                sentAt[e.Id] = now;
            }
        }
    };
    link.Confirmed += (_, events) =>
    {
        var now = Stopwatch.GetTimestamp();
        lock (sentAt)
        {
            foreach (var e in events)
            {
                delays.Add(Stopwatch.GetElapsedTime(sentAt[e.Id], now).TotalMilliseconds);
            }
        }
        confirmed.Release(events.Count);
    };
    var channel = Channel.CreateUnbounded<SensorEvent>();
    using var stop = new CancellationTokenSource();
    var run = link.RunAsync(channel.Reader, stop.Token);
    for (var i = 0; i < laps + Warmup; i++)
    {
        var e = outbox.Append([new SensorEvent(0, EventKind.Lap, 1 + (i % 8), 1_700_000_000_000 + (i * 1000L), 21)])[0];
        channel.Writer.TryWrite(e);
        if (!await confirmed.WaitAsync(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"lap {i} was not confirmed within 30 s");
        }
    }
    channel.Writer.Complete();
    await run;
    var measured = delays.Skip(Warmup).Order().ToArray();
    Console.WriteLine($"LinkConfirm: {laps} laps (after {Warmup} warm-up), one at a time, AppLink -> emulator on loopback, {Environment.ProcessorCount} CPUs");
    Console.WriteLine("send -> confirmed      p50 ms    p99 ms    max ms");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"pong to the own ping  {Percentile(measured, 0.50),8:0.000}  {Percentile(measured, 0.99),8:0.000}  {measured[^1],8:0.000}"));
    Console.WriteLine("old rule (main)          3000      3000      3000   (a fixed 3 s after the send)");
}

static async Task CutsAsync(int raceSeconds)
{
    // An 8-lane race: each lane laps every 5-8 s (uniform), starting within the first 8 s; the link is cut (a reset,
    // no close frame) every 20 s. Run 10x faster than real time: 0.5-0.8 s laps, a cut every 2 s. The old rule
    // re-sent every frame sent in the last 3 s before a cut (computed on the same schedule at real speed); the new
    // one re-sends the frames whose pong had not come back (measured).
    const double Scale = 10;
    const double CutEvery = 20;
    var random = new Random(12);
    var schedule = new List<(double At, int Lane)>();
    for (var lane = 1; lane <= 8; lane++)
    {
        for (var t = random.NextDouble() * 8; t < raceSeconds; t += 5 + (random.NextDouble() * 3))
        {
            schedule.Add((t, lane));
        }
    }
    schedule.Sort();
    var cuts = Enumerable.Range(1, (int)(raceSeconds / CutEvery)).Select(k => k * CutEvery).Where(c => c < raceSeconds).ToArray();
    var oldRule = cuts.Select(c => schedule.Count(s => s.At > c - 3 && s.At <= c)).ToArray();

    using var dir = new TempFolder();
    await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });
    await using var relay = new Relay(emulator.WebSocketUri);
    using var outbox = SqliteOutbox.Open(dir.File("outbox.db"));
    var link = new AppLink(new Uri($"ws://127.0.0.1:{relay.Port}/"), outbox, new LinkOptions());
    var sends = 0;
    link.Sent += (_, events) => Interlocked.Add(ref sends, events.Count);
    var channel = Channel.CreateUnbounded<SensorEvent>();
    var run = link.RunAsync(channel.Reader, CancellationToken.None);
    var clock = Stopwatch.StartNew();
    var nextCut = 0;
    var id = 0L;
    foreach (var (at, lane) in schedule)
    {
        while (nextCut < cuts.Length && cuts[nextCut] <= at)
        {
            await WaitUntil(clock, cuts[nextCut] / Scale);
            relay.CutAll();
            nextCut++;
        }
        await WaitUntil(clock, at / Scale);
        var e = outbox.Append([new SensorEvent(0, EventKind.Lap, lane, 1_700_000_000_000 + (long)(at * 1000) + (id++ % 7), 20 + lane)])[0];
        channel.Writer.TryWrite(e);
    }
    channel.Writer.Complete();
    await run;
    var resent = sends - schedule.Count;
    Console.WriteLine($"LinkCuts: 8-lane race of {raceSeconds} s ({schedule.Count} laps, 5-8 s each), a cut every {CutEvery:0} s ({cuts.Length} cuts), run {Scale:0}x faster than real time");
    Console.WriteLine("rule                               re-sent frames   per cut");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"old: confirmed 3 s after the send   {oldRule.Sum(),14}  {(double)oldRule.Sum() / cuts.Length,8:0.00}   (computed on the schedule)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"new: confirmed by the pong          {resent,14}  {(double)resent / cuts.Length,8:0.00}   (measured)"));
    var counted = emulator.Race.Snapshot().Controllers.Sum(c => c.LapTimes.Count + (c.LastCrossing is null ? 0 : 1));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crossings the emulator counted: {counted} of {schedule.Count} (copies ignored)"));
}

static async Task WaitUntil(Stopwatch clock, double seconds)
{
    var left = TimeSpan.FromSeconds(seconds) - clock.Elapsed;
    if (left > TimeSpan.Zero)
    {
        await Task.Delay(left);
    }
}

static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"lapgate-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
