using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LapGate.Web;

/// <summary>
/// The one way a LapGate web server that lives inside another program (the emulator, the bridge, the sensor's
/// status page) sets up ASP.NET Core: a slim host that reads no settings files and no command line, takes over no
/// signals (<see cref="EmbeddedHostLifetime"/>), logs only where its owner says, and Kestrel on one endpoint
/// without a Server header.
/// </summary>
public static class EmbeddedWebHost
{
    /// <summary>A builder listening on <paramref name="endpoint"/>.</summary>
    /// <param name="endpoint">Where Kestrel listens (port 0 picks a free one; see <see cref="BoundPort"/>).</param>
    /// <param name="applicationName">The host's name; null for the program's.</param>
    /// <param name="loggerFactory">
    /// The owner's logger factory, which then gets every host and Kestrel line (its filters decide); null for no
    /// log at all unless the caller adds providers to <c>builder.Logging</c>.
    /// </param>
    /// <param name="maxRequestBodySize">The largest request body; null for Kestrel's default.</param>
    public static WebApplicationBuilder CreateBuilder(IPEndPoint endpoint, string? applicationName = null, ILoggerFactory? loggerFactory = null,
        long? maxRequestBodySize = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        // The content root is the program's folder: an appsettings.json in the current folder must not configure it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = applicationName,
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (maxRequestBodySize is { } limit)
            {
                kestrel.Limits.MaxRequestBodySize = limit;
            }
            kestrel.Listen(endpoint);
        });
        return builder;
    }

    /// <summary>The IP address a bind setting names: <c>localhost</c> is the IPv4 loopback, anything else an IP literal.</summary>
    public static IPAddress ListenAddress(string bind) =>
        string.Equals(bind, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback : IPAddress.Parse(bind);

    /// <summary>The address Kestrel listens on once started, e.g. <c>http://127.0.0.1:50781</c>.</summary>
    public static string BoundAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no addresses");
        return addresses.First();
    }

    /// <summary>The port Kestrel listens on once started (the real one when port 0 was asked for).</summary>
    public static int BoundPort(WebApplication app) =>
        new Uri(BoundAddress(app).Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)).Port;
}
