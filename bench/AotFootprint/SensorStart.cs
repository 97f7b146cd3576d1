using System.Diagnostics;
using System.Globalization;
using LapGate.Emulator;
using LapGate.Emulator.Hosting;

namespace AotFootprint;

/// <summary>One start of <c>lapgate sensor</c> against a fresh emulator, measured.</summary>
internal static class SensorStart
{
    private const int Laps = 20;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    internal sealed record Result(TimeSpan StartToRegistered, long PeakRssBytes);

    public static async Task<Result> MeasureAsync(Build build)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"lapgate-footprint-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, DatabasePath = null });
            var allCounted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            emulator.Race.Changed += (_, _) =>
            {
                if (emulator.Race.Snapshot().Controllers.Sum(c => c.LastCrossing is null ? 0 : c.Laps + 1) >= Laps)
                {
                    allCounted.TrySetResult();
                }
            };
            var config = Path.Combine(dir, "track.json");
            await File.WriteAllTextAsync(config, """{"sensors":[{"pin":21,"lane":1,"point":"FL"}],"minLapMs":0,"debounceMs":0}""");

            var start = new ProcessStartInfo(build.FileName)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in build.Arguments)
            {
                start.ArgumentList.Add(a);
            }
            foreach (var a in (string[])["sensor", "--server", emulator.WebSocketUri.ToString(), "--config", config, "--outbox", Path.Combine(dir, "outbox.db")])
            {
                start.ArgumentList.Add(a);
            }
            start.Environment.Remove("INVOCATION_ID");
            start.Environment.Remove("NOTIFY_SOCKET");

            var registered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var process = new Process { StartInfo = start };
            void OnLine(object? sender, DataReceivedEventArgs e)
            {
                if (e.Data?.Contains("registered with the app", StringComparison.Ordinal) == true)
                {
                    registered.TrySetResult(Stopwatch.GetTimestamp());
                }
            }
            process.OutputDataReceived += OnLine;
            process.ErrorDataReceived += OnLine;
            var t0 = Stopwatch.GetTimestamp();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                var t1 = await registered.Task.WaitAsync(Limit);
                for (var i = 0; i < Laps; i++)
                {
                    await process.StandardInput.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"21 {(i + 1) * 3_000_000L}"));
                }
                await process.StandardInput.FlushAsync();
                await allCounted.Task.WaitAsync(Limit);
                var peak = PeakRss(process.Id);
                process.StandardInput.Close();
                using var exit = new CancellationTokenSource(Limit);
                await process.WaitForExitAsync(exit.Token);
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{build.Name}: lapgate sensor exited with {process.ExitCode}");
                }
                return new Result(Stopwatch.GetElapsedTime(t0, t1), peak);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>VmHWM (peak resident set) of a running process, from /proc/PID/status.</summary>
    private static long PeakRss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"no VmHWM in /proc/{pid}/status");
    }
}
