using Microsoft.Extensions.Hosting;

namespace LapGate.Bridge.Forwarding;

/// <summary>
/// The bridge is started and stopped by its owner (<see cref="BridgeServer.DisposeAsync"/>), not by
/// Ctrl+C: this lifetime keeps the web host from hooking console signals or printing status lines.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
