using System.Runtime.InteropServices;
using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Outbox;
using LapGate.Sensor.Pipeline;
using LapGate.Sensor.StatusPage;
using Microsoft.Extensions.Logging.Console;
using Spectre.Console;

namespace LapGate.Cli.Sensor;

/// <summary>One run of <c>lapgate sensor</c>: live screen when interactive, plain log lines when redirected.</summary>
internal sealed class SensorRun(SensorConfig config, string outboxPath, InputSpec input, int? laps, StatusPageOptions? statusPage = null)
{
    public async Task<int> ExecuteAsync(CancellationToken cancel)
    {
        // Ctrl+C / SIGTERM stop the sensor cleanly: a close handshake with the app, undelivered events stay in the outbox.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var ct = stop.Token;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        var interactive = !Console.IsOutputRedirected;
        var recent = new RecentLogProvider();
        using var loggers = LoggerFactory.Create(builder =>
        {
            builder.AddProvider(recent);
            if (!interactive)
            {
                builder.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                    o.ColorBehavior = LoggerColorBehavior.Disabled;
                });
                builder.AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Information);
            }
        });
        var logger = loggers.CreateLogger("LapGate.Sensor");
        var options = new SensorOptions { Server = config.Server!, Config = config, OutboxPath = outboxPath };
        var source = InputFactory.Create(input, config, laps, logger);
        if (source is LapGate.Sensor.Inputs.Keyboard.KeyboardTriggerSource keyboard)
        {
            SensorLog.Keys(logger, keyboard.Help);
        }

        await using var runner = new SensorRunner(options, loggers);
        SensorLog.Attach(runner, logger);
        StatusPageServer? page = null;
        SensorLog.Starting(logger, config.Server, config.Sensors.Count, source.Name, outboxPath);
        try
        {
            page = await StatusPageHost.StartAsync(statusPage, runner, recent, loggers, logger);
            if (interactive)
            {
                await RunLiveAsync(runner, source, recent, ct);
            }
            else
            {
                await runner.RunAsync(source, ct);
            }
            SensorLog.InputEnded(logger);
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var pending = runner.Status.EventsPending;
            await Console.Error.WriteLineAsync(pending == 0
                ? "stopped; every event was delivered and the app confirmed it"
                : $"stopped; {pending} undelivered event(s) kept in {outboxPath} for the next run");
            return 0;
        }
        catch (OutboxRefusedException ex)
        {
            // Another sensor holds the outbox, or it cannot be written: nothing was read, moved or changed.
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return 2;
        }
        catch (InputOpenException ex)
        {
            await Console.Error.WriteLineAsync("error: " + InputFactory.Explain(ex));
            return 1;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message);
            return 1;
        }
        finally
        {
            if (page is not null)
            {
                await page.DisposeAsync();
            }
        }
    }

    private async Task RunLiveAsync(SensorRunner runner, ITriggerSource source, RecentLogProvider recent, CancellationToken ct)
    {
        var server = config.Server!;
        await AnsiConsole.Live(SensorScreen.Render(runner.Status, server, source.Name, recent.Lines))
            .AutoClear(false)
            .StartAsync(async live =>
            {
                var run = runner.RunAsync(source, ct);
                while (!run.IsCompleted)
                {
                    live.UpdateTarget(SensorScreen.Render(runner.Status, server, source.Name, recent.Lines));
                    await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None));
                }
                live.UpdateTarget(SensorScreen.Render(runner.Status, server, source.Name, recent.Lines));
                await run;
            });
    }
}
