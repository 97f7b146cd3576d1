using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Outbox;
using LapGate.Sensor.Pipeline;
using LapGate.Sensor.StatusPage;
using Microsoft.Extensions.Hosting;

namespace LapGate.Cli.Sensor;

/// <summary>The sensor as a hosted service: runs until stopped (or the input ends), then stops the host.</summary>
internal sealed class SensorService(SensorConfig config, string outboxPath, InputSpec input, StatusPageOptions? statusPage = null, RecentLogProvider? recent = null) : BackgroundService
{
    private ILoggerFactory? _loggers;
    private IHostApplicationLifetime? _lifetime;

    /// <summary>The process exit code: 0 when stopped or finished, 2 when the outbox was refused, 1 when the sensor could not run otherwise.</summary>
    public int ExitCode { get; private set; }

    /// <summary>Set by the host before it starts (constructor injection would tie the instance to the container).</summary>
    public void Attach(ILoggerFactory loggers, IHostApplicationLifetime lifetime)
    {
        _loggers = loggers;
        _lifetime = lifetime;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loggers = _loggers!;
        var logger = loggers.CreateLogger("LapGate.Sensor");
        var options = new SensorOptions { Server = config.Server!, Config = config, OutboxPath = outboxPath };
        await using var runner = new SensorRunner(options, loggers);
        SensorLog.Attach(runner, logger);
        StatusPageServer? page = null;
        try
        {
            page = await StatusPageHost.StartAsync(statusPage, runner, recent ?? new RecentLogProvider(), loggers, logger);
            var source = InputFactory.Create(input, config, null, logger);
            SensorLog.Starting(logger, config.Server, config.Sensors.Count, source.Name, outboxPath);
            await runner.RunAsync(source, stoppingToken);
            SensorLog.InputEnded(logger);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            var pending = runner.Status.EventsPending;
            if (pending == 0)
            {
                SensorLog.StoppedAllDelivered(logger);
            }
            else
            {
                SensorLog.StoppedWithPending(logger, pending, outboxPath);
            }
        }
        catch (OutboxRefusedException ex)
        {
            SensorLog.CannotRun(logger, ex.Message);
            ExitCode = 2;
        }
        catch (Exception ex) when (ex is InputOpenException or InvalidOperationException)
        {
            SensorLog.CannotRun(logger, ex is InputOpenException input ? InputFactory.Explain(input) : ex.Message);
            ExitCode = 1;
        }
        if (page is not null)
        {
            await page.DisposeAsync();
        }
        _lifetime!.StopApplication();
    }
}
