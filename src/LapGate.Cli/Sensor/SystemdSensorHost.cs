using LapGate.Sensor.Config;
using LapGate.Sensor.StatusPage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Console;

namespace LapGate.Cli.Sensor;

/// <summary>
/// <c>lapgate sensor --systemd</c> (automatic under systemd): the sensor inside a Generic Host with
/// Microsoft.Extensions.Hosting.Systemd, so systemd gets READY=1 once the host started and STOPPING=1 on
/// shutdown, and log lines carry journald priority prefixes.
/// </summary>
internal static class SystemdSensorHost
{
    /// <summary>True when systemd started this process (it sets INVOCATION_ID, and NOTIFY_SOCKET for Type=notify).</summary>
    public static bool StartedBySystemd() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INVOCATION_ID"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));

    public static async Task<int> RunAsync(SensorConfig config, string outboxPath, InputSpec input, StatusPageOptions? statusPage, CancellationToken ct)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "lapgate-sensor" });
        // What AddSystemd() does, but also when --systemd is given and the parent is not systemd itself
        // (AddSystemd only acts when systemd is the parent process): READY=1 / STOPPING=1 on NOTIFY_SOCKET,
        // and log lines with journald's "<N>" priority prefixes.
        builder.Services.AddSingleton<ISystemdNotifier, SystemdNotifier>();
        builder.Services.AddSingleton<IHostLifetime, SystemdLifetime>();
        builder.Logging.AddConsole(o => o.FormatterName = ConsoleFormatterNames.Systemd);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        var recent = new RecentLogProvider();
        builder.Logging.AddProvider(recent);
        var service = new SensorService(config, outboxPath, input, statusPage, recent);
        builder.Services.AddSingleton(service);
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SensorService>());
        using var host = builder.Build();
        service.Attach(host.Services.GetRequiredService<ILoggerFactory>(), host.Services.GetRequiredService<IHostApplicationLifetime>());
        try
        {
            await host.RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
        return service.ExitCode;
    }
}
