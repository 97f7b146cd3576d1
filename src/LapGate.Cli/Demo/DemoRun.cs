using LapGate.Cli.Terminal;
using LapGate.Emulator;
using LapGate.Emulator.Hosting;
using LapGate.Emulator.Race;
using LapGate.Protocol.Formatting;
using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Pipeline;
using Spectre.Console;

namespace LapGate.Cli.Demo;

/// <summary>
/// <c>lapgate demo</c>: an emulator on a free loopback port and a simulated track feeding it through the real
/// sensor pipeline (filters, SQLite outbox, WebSocket link). Shows the standings live, ends with the results and
/// a check that every crossing the sensor sent was counted once with the same lap times.
/// </summary>
internal sealed class DemoRun(int cars, int laps, double speed, int seed, int port, TextWriter output)
{
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        using var stop = new StopSignal(cancellationToken);
        var work = Directory.CreateTempSubdirectory("lapgate-demo-");
        try
        {
            var drivers = Path.Combine(work.FullName, "drivers.json");
            DemoDrivers.Write(drivers, cars);
            await using var emulator = await EmulatorServer.StartAsync(
                new EmulatorOptions { Port = port, DriversFile = drivers, DatabasePath = null }, cancellationToken: stop.Token);
            var title = $"LapGate demo: {cars} simulated cars, {laps} laps";
            await output.WriteLineAsync($"{title}. Emulator (the app's side) at {emulator.WebSocketUri}; live dashboard at {emulator.HttpUri}");
            await output.WriteLineAsync("Ctrl+C ends the race early and shows the results.");

            var track = new SimulatedTrack(new SimulatorOptions
            {
                Cars = cars,
                Laps = laps,
                Seed = seed,
                Speed = speed,
                Config = DemoConfig(cars, speed, emulator.WebSocketUri),
            });
            var options = new SensorOptions
            {
                Server = emulator.WebSocketUri,
                Config = track.Config,
                OutboxPath = Path.Combine(work.FullName, "outbox.db"),
            };
            await using var sensor = new SensorRunner(options);
            emulator.Race.Setup(RaceSetup.ForLaps(laps));
            emulator.Race.Start();

            var finished = await RunAsync(emulator.Race, sensor, track, title, stop.Token);
            emulator.Race.Stop();
            return await ReportAsync(emulator.Race.Snapshot(), sensor.Status, finished);
        }
        finally
        {
            TryDelete(work);
        }
    }

    /// <summary>
    /// The simulator's gates, with the minimum lap time scaled to the time scale: at <c>--speed 10</c> a
    /// 6 s lap takes 0.6 s, which the default 1 s minimum would reject as a false trigger.
    /// </summary>
    private static SensorConfig DemoConfig(int cars, double speed, Uri server)
    {
        var gates = SimulatedTrack.CreateConfig(cars, server);
        var minLapMs = (int)Math.Min(SensorConfig.DefaultMinLapMs, new SimulatorOptions().TypicalLap.TotalMilliseconds / 2 / speed);
        return new SensorConfig(gates.Sensors, server, minLapMs, gates.DebounceMs);
    }

    private async Task<bool> RunAsync(RaceEngine race, SensorRunner sensor, SimulatedTrack track, string title, CancellationToken ct)
    {
        var run = sensor.RunAsync(track, ct);
        try
        {
            if (Console.IsOutputRedirected)
            {
                using var printer = new LapPrinter(race, output);
                await run;
            }
            else
            {
                await AnsiConsole.Live(StandingsView.Render(race.Snapshot(), sensor.Status, title))
                    .AutoClear(false)
                    .StartAsync(async live =>
                    {
                        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
                        while (!run.IsCompleted && await tick.WaitForNextTickAsync(CancellationToken.None))
                        {
                            live.UpdateTarget(StandingsView.Render(race.Snapshot(), sensor.Status, title));
                        }
                        live.UpdateTarget(StandingsView.Render(race.Snapshot(), sensor.Status, title));
                        await run;
                    });
            }
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<int> ReportAsync(RaceSnapshot race, SensorStatus sensor, bool finished)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync(finished ? "Race finished. Results:" : "Stopped early. Standings so far:");
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 120;
        }
        console.Write(StandingsView.Table(race, sensor));
        var winnerId = race.WinnerId ?? race.Controllers.FirstOrDefault(c => c.Position == 1)?.Id;
        if (winnerId is { } id && race.Find(id) is { Laps: > 0 } winner)
        {
            await output.WriteLineAsync($"Winner: {winner.Driver} ({winner.Car}), {winner.Laps} laps, best lap {LapTimeText.Format(winner.BestLapMs)}.");
        }
        var problems = DemoCheck.Compare(race, sensor);
        if (!finished)
        {
            // Events still in flight at Ctrl+C are not an error: the outbox would keep them for a next run.
            return 0;
        }
        if (problems.Count == 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Check: every crossing the sensor sent was counted once, with the same lap times ({sensor.Lanes.Sum(l => l.CrossingsSent)} crossings, {race.DuplicatesIgnored} duplicates ignored, {sensor.Lanes.Sum(l => l.Rejected)} false triggers filtered)."));
            return 0;
        }
        foreach (var problem in problems)
        {
            await output.WriteLineAsync("Check FAILED: " + problem);
        }
        return 1;
    }

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; the OS cleans it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
