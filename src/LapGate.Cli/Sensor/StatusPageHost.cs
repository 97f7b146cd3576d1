using LapGate.Sensor.Pipeline;
using LapGate.Sensor.StatusPage;

namespace LapGate.Cli.Sensor;

/// <summary>Starts <c>--status</c>'s page for a sensor run, with a plain message when the port is taken.</summary>
internal static class StatusPageHost
{
    /// <summary>The running page, or null when <paramref name="options"/> is null (no <c>--status</c>).</summary>
    /// <exception cref="InvalidOperationException">It cannot listen; the message says what to change.</exception>
    public static async Task<StatusPageServer?> StartAsync(StatusPageOptions? options, SensorRunner runner, RecentLogProvider log, ILoggerFactory loggers, ILogger logger)
    {
        if (options is null)
        {
            return null;
        }
        try
        {
            var page = await StatusPageServer.StartAsync(options, runner, () => log.Lines, loggers);
            var shown = options.Bind is "0.0.0.0" or "::" ? $"http://{Environment.MachineName}.local:{page.Url.Port}/ (and {page.Url})" : page.Url.ToString();
            SensorLog.StatusPage(logger, shown);
            return page;
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"--status {options.Bind}:{options.Port}: cannot listen ({ex.Message}); is another lapgate running? Pick another port or stop it", ex);
        }
    }
}
