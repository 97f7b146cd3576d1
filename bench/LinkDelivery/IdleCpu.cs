using System.Diagnostics;
using System.Globalization;

/// <summary>
/// CPU used by an idle, connected sensor (the given lapgate binary) and, in the same run and for the same time, by a
/// CPython websockets client pinging at the same interval (0.5 s, pong timeout 1.5 s) and its server. Read from
/// /proc/PID/stat (utime + stime, in clock ticks), scaled to CPU seconds per hour.
/// </summary>
internal static class IdleCpu
{
    private const string Python = "/usr/bin/python3";

    private const string ServerScript = """
        import asyncio, sys, websockets
        async def handler(ws, path=None):
            async for msg in ws:
                if '"api_version"' in msg:
                    await ws.send('{"type":"api_version","data":{"api_version":7}}')
        async def main():
            async with websockets.serve(handler, "127.0.0.1", 0, ping_interval=None) as server:
                print(server.sockets[0].getsockname()[1], flush=True)
                await asyncio.Future()
        asyncio.run(main())
        """;

    private const string ClientScript = """
        import asyncio, sys, websockets
        async def main():
            async with websockets.connect(sys.argv[1], ping_interval=0.5, ping_timeout=1.5) as ws:
                await ws.send('{"type":"api_version"}')
                await ws.recv()
                print("connected", flush=True)
                await asyncio.Future()
        asyncio.run(main())
        """;

    public static async Task RunAsync(string lapgate, int seconds)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"lapgate-idle-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var processes = new List<Process>();
        try
        {
            File.WriteAllText(Path.Combine(dir, "server.py"), ServerScript);
            File.WriteAllText(Path.Combine(dir, "client.py"), ClientScript);
            File.WriteAllText(Path.Combine(dir, "track.json"), """{"sensors":[{"pin":21,"lane":1,"point":"FL"}]}""");

            var (sensorApp, sensorAppPort) = await StartServerAsync(dir, processes);
            var (pythonServer, pythonPort) = await StartServerAsync(dir, processes);
            var sensor = Start(lapgate, ["sensor", "--server", $"ws://127.0.0.1:{sensorAppPort}/", "--config", Path.Combine(dir, "track.json"),
                "--outbox", Path.Combine(dir, "outbox.db")], processes);
            await WaitForLineAsync(sensor, "registered with the app");
            var client = Start(Python, [Path.Combine(dir, "client.py"), $"ws://127.0.0.1:{pythonPort}/"], processes);
            await WaitForLineAsync(client, "connected");

            Process[] measured = [sensor, sensorApp, client, pythonServer];
            var before = measured.Select(Ticks).ToArray();
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var after = measured.Select(Ticks).ToArray();
            var elapsed = clock.Elapsed.TotalSeconds;
            double PerHour(int i) => (after[i] - before[i]) / 100.0 * 3600 / elapsed;

            Console.WriteLine($"IdleCpu: {elapsed:0} s idle and connected, pings every 0.5 s (pong timeout 1.5 s), {Environment.ProcessorCount} CPUs, 100 ticks/s");
            Console.WriteLine("process                                      ticks   CPU s/hour");
            string[] names = ["lapgate sensor (" + Path.GetFileName(lapgate) + ")", "  its stand-in app (CPython websockets server)", "CPython websockets client", "  its CPython websockets server"];
            for (var i = 0; i < measured.Length; i++)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{names[i],-44} {after[i] - before[i],6}   {PerHour(i),9:0.0}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sensor / (CPython client + server): {PerHour(0) / Math.Max(0.01, PerHour(2) + PerHour(3)):0.00}"));
        }
        finally
        {
            foreach (var p in processes)
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                }
                p.Dispose();
            }
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(Process Process, int Port)> StartServerAsync(string dir, List<Process> processes)
    {
        var server = Start(Python, [Path.Combine(dir, "server.py")], processes);
        var line = await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the Python server did not start");
        return (server, int.Parse(line, CultureInfo.InvariantCulture));
    }

    private static Process Start(string file, string[] args, List<Process> processes)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        processes.Add(process);
        return process;
    }

    private static async Task WaitForLineAsync(Process process, string text)
    {
        var stdout = process.StandardOutput.ReadLineAsync();
        var stderr = process.StandardError.ReadLineAsync();
        while (true)
        {
            var done = await Task.WhenAny(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(30));
            var line = await done ?? throw new InvalidOperationException($"{process.StartInfo.FileName} ended before '{text}'");
            if (line.Contains(text, StringComparison.Ordinal))
            {
                // Keep draining both streams so the process never blocks on a full pipe.
                _ = DrainAsync(done == stdout ? Task.FromResult<string?>("") : stdout, process.StandardOutput);
                _ = DrainAsync(done == stderr ? Task.FromResult<string?>("") : stderr, process.StandardError);
                return;
            }
            if (done == stdout)
            {
                stdout = process.StandardOutput.ReadLineAsync();
            }
            else
            {
                stderr = process.StandardError.ReadLineAsync();
            }
        }
    }

    private static async Task DrainAsync(Task<string?> pending, StreamReader reader)
    {
        if (await pending is not null)
        {
            await reader.ReadToEndAsync();
        }
    }

    private static long Ticks(Process process)
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime); after the ")" the list starts at field 3.
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
