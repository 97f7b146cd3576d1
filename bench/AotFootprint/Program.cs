using System.Globalization;
using AotFootprint;

// The sensor's footprint: size on disk, peak RSS (VmHWM) and time from process start to "registered with the app",
// for each published build given on the command line:
//   AotFootprint [--runs N] "NAME|FOLDER|COMMAND [ARGS]" ...
// e.g. "native AOT|artifacts/publish/linux-x64|artifacts/publish/linux-x64/lapgate"
//      "framework-dependent|artifacts/bench/fd-linux-x64|dotnet artifacts/bench/fd-linux-x64/lapgate.dll"
// Each run starts an emulator (in this process), then `lapgate sensor --server ws://127.0.0.1:PORT --config ...
// --outbox ...` with stdin held open; the clock stops at the registration log line. Then 20 laps are fed on stdin
// and counted by the emulator, VmHWM is read from /proc/PID/status, stdin is closed and the sensor exits.
var runs = 5;
var builds = new List<Build>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--runs")
    {
        runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
        continue;
    }
    builds.Add(Build.Parse(args[i]));
}
if (builds.Count == 0)
{
    Console.Error.WriteLine("usage: AotFootprint [--runs N] \"NAME|FOLDER|COMMAND [ARGS]\" ...");
    return 2;
}

Console.WriteLine($"AotFootprint: {runs} runs per build (after 1 warm-up), lapgate sensor on stdin -> emulator on loopback, {Environment.ProcessorCount} CPUs");
Console.WriteLine("build                 binary MB  folder MB  peak RSS MB (max)  start→registered ms (median / max)");
foreach (var build in builds)
{
    _ = await SensorStart.MeasureAsync(build);
    var results = new List<SensorStart.Result>();
    for (var r = 0; r < runs; r++)
    {
        results.Add(await SensorStart.MeasureAsync(build));
    }
    var starts = results.Select(x => x.StartToRegistered.TotalMilliseconds).Order().ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{build.Name,-20} {Mb(build.BinaryBytes()),10:F1} {Mb(build.FolderBytes()),10:F1} {results.Max(x => x.PeakRssBytes) / 1048576.0,18:F1} {starts[starts.Length / 2],15:F0} / {starts[^1]:F0}"));
}
Console.WriteLine("targets (native AOT)     ≤ 20 MB                ≤ 40 MB            ≤ 300 ms");
return 0;

static double Mb(long bytes) => bytes / 1048576.0;
