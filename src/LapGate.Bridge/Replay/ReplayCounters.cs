namespace LapGate.Bridge.Replay;

/// <summary>Frame counts shared by concurrently replayed connections.</summary>
internal sealed class ReplayCounters
{
    private int _sent;
    private int _received;

    public int Sent => Volatile.Read(ref _sent);

    public int Received => Volatile.Read(ref _received);

    public void CountSent() => Interlocked.Increment(ref _sent);

    public void CountReceived() => Interlocked.Increment(ref _received);
}
