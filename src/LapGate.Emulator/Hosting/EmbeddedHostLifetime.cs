using Microsoft.Extensions.Hosting;

namespace LapGate.Emulator.Hosting;

/// <summary>
/// Replaces the console lifetime: the emulator is embedded (CLI, tests, later the bridge), so it must not
/// take over Ctrl+C or SIGTERM; whoever owns the process stops it through <see cref="EmulatorServer.DisposeAsync"/>.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
