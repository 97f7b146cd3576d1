using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using LapGate.Emulator;
using LapGate.Emulator.Hosting;
using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Pipeline;

// Trigger -> frame received by the app, on loopback. One line "<pin> <device_us>" is written into the sensor's
// line input (the same LineTriggerSource as stdin); the clock stops when the emulator has received, parsed and
// applied that analog_lap (its race engine's Changed event). In between: read and parse the line, debounce and
// minimum-lap filters, the SQLite outbox commit (WAL, synchronous=NORMAL: written without an fsync), the channel,
// the WebSocket send, the emulator's receive and parse. The outbox's fsync runs on a task of its own, alongside
// the send, so neither this lap nor the next waits for it. One lap at a time (the next line is written as soon as
// the previous lap arrived, its fsync possibly still running), so this is latency, not throughput.
var quick = args.Contains("--quick");
var laps = quick ? 300 : 3000;
const int Warmup = 100;

Console.WriteLine($"SensorLatency: {laps} laps (after {Warmup} warm-up), line input -> emulator on loopback, {Environment.ProcessorCount} CPUs");
Console.WriteLine("outbox on                 p50 µs    p99 µs    max µs");
await MeasureAsync("disk (temp folder)", Path.GetTempPath(), laps);
if (Directory.Exists("/dev/shm"))
{
    await MeasureAsync("tmpfs (/dev/shm)", "/dev/shm", laps);
}

static async Task MeasureAsync(string name, string folder, int laps)
{
    var dir = Path.Combine(folder, $"lapgate-bench-{Guid.NewGuid():N}");
    Directory.CreateDirectory(dir);
    try
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });
        var config = SensorConfigLoader.Parse("""{"sensors":[{"pin":21,"lane":1,"point":"FL"}]}""", "bench", emulator.WebSocketUri);
        var arrived = new SemaphoreSlim(0);
        long arrivedAt = 0;
        emulator.Race.Changed += (_, _) =>
        {
            Volatile.Write(ref arrivedAt, Stopwatch.GetTimestamp());
            arrived.Release();
        };
        var pipe = new Pipe();
        using var input = new StreamReader(pipe.Reader.AsStream());
        await using var output = new StreamWriter(pipe.Writer.AsStream()) { AutoFlush = true };
        await using var sensor = new SensorRunner(new SensorOptions { Server = emulator.WebSocketUri, Config = config, OutboxPath = Path.Combine(dir, "outbox.db") });
        using var stop = new CancellationTokenSource();
        var run = sensor.RunAsync(new LineTriggerSource(input, "bench"), stop.Token);

        var samples = new double[laps];
        for (var i = -Warmup; i < laps; i++)
        {
            var device = (i + Warmup + 1) * 2_000_000L;
            var start = Stopwatch.GetTimestamp();
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"21 {device}"));
            if (!await arrived.WaitAsync(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"lap {i} did not arrive within 30 s");
            }
            if (i >= 0)
            {
                samples[i] = Stopwatch.GetElapsedTime(start, Volatile.Read(ref arrivedAt)).TotalMicroseconds;
            }
        }
        await stop.CancelAsync();
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
            // Stopped at the end of the measurement.
        }
        Array.Sort(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-22} {P(samples, 0.50),9:0} {P(samples, 0.99),9:0} {samples[^1],9:0}"));
    }
    finally
    {
        Directory.Delete(dir, recursive: true);
    }
}

static double P(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
