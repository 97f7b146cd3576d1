using System.Runtime.InteropServices;

namespace LapGate.Cli.Terminal;

/// <summary>
/// A token cancelled by Ctrl+C (SIGINT), SIGTERM (systemd, <c>kill</c>) or the caller's token. The signals are
/// handled (not left to kill the process) so each command can stop cleanly: flush, close, report.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public StopSignal(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled when the user or the system asks the command to stop.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>A task that completes when a stop is asked for.</summary>
    public Task WhenStopped()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _stop.Token.Register(() => stopped.TrySetResult());
        return stopped.Task;
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _stop.Dispose();
    }
}
