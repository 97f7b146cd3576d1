using LapGate.Emulator.Api;
using LapGate.Emulator.Connections;
using LapGate.Web;

namespace LapGate.Emulator.Dashboard;

/// <summary>
/// The dashboard's push stream, <c>GET /api/events</c> (Server-Sent Events, LapGate.Web's <see cref="PushFeed"/>):
/// the full state first, then again after every race or connection change and at least every second.
/// </summary>
internal sealed class LiveFeed
{
    private readonly PushFeed _feed;

    public LiveFeed(EmulatorContext context, CancellationToken stopping)
    {
        _feed = PushFeed.Json(
            () => new LiveUpdate(context.TimeProvider.GetUtcNow(), context.Race.Snapshot(), context.Connections.Describe()),
            EmulatorJsonContext.Default.LiveUpdate, context.TimeProvider, stopping);
        context.Race.Changed += (_, _) => _feed.SignalAll();
        context.Connections.Changed += _feed.SignalAll;
    }

    /// <summary>Open streams.</summary>
    public int Count => _feed.Count;

    /// <summary>Ends every open stream (the pages reconnect by themselves); returns how many.</summary>
    public int DropAll() => _feed.DropAll();

    public Task ServeAsync(HttpContext http) => _feed.ServeAsync(http);
}
