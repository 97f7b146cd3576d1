using Microsoft.Extensions.Hosting;

namespace LapGate.Web;

/// <summary>
/// The host lifetime of a LapGate web server that lives inside another program (the CLI, a test): it neither
/// takes over Ctrl+C or SIGTERM nor prints status lines; the owner stops the server by disposing it
/// (<c>EmulatorServer.DisposeAsync</c>, <c>BridgeServer.DisposeAsync</c>). Register it with
/// <c>builder.Services.AddSingleton&lt;IHostLifetime, EmbeddedHostLifetime&gt;()</c>.
/// </summary>
public sealed class EmbeddedHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
