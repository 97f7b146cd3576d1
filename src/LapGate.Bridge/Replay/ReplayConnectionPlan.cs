using System.Net.WebSockets;
using LapGate.Bridge.Capture;

namespace LapGate.Bridge.Replay;

/// <summary>What to replay for one recorded connection.</summary>
/// <param name="Connection">The capture's connection id.</param>
/// <param name="OpenMs">When it opened (capture ms).</param>
/// <param name="EndMs">Its last record (capture ms).</param>
/// <param name="Steps">Its client→app frames in recorded order.</param>
/// <param name="Required">How many steps came before the app (or bridge) closed it: the target closing
/// before these are sent is "closed early".</param>
internal sealed record ReplayConnectionPlan(int Connection, double OpenMs, double EndMs, IReadOnlyList<ReplayStep> Steps, int Required)
{
    /// <summary>Groups a capture by connection, in order of opening; connections with nothing to send are left out.</summary>
    public static IReadOnlyList<ReplayConnectionPlan> Build(IReadOnlyList<CaptureEntry> entries)
    {
        var plans = new List<ReplayConnectionPlan>();
        foreach (var group in entries.GroupBy(e => e.Record.Connection))
        {
            var records = group.ToList();
            var steps = new List<ReplayStep>();
            int? required = null;
            foreach (var (line, r) in records)
            {
                if (r.Direction == CaptureNames.ClientToApp)
                {
                    steps.Add(r.Kind switch
                    {
                        CaptureNames.Text => new ReplayStep(line, r.Ms, WebSocketMessageType.Text, Encoding.UTF8.GetBytes(r.Text!), null, null),
                        CaptureNames.Binary => new ReplayStep(line, r.Ms, WebSocketMessageType.Binary, Convert.FromBase64String(r.Base64!), null, null),
                        _ => new ReplayStep(line, r.Ms, WebSocketMessageType.Close, [], r.Code, r.Reason),
                    });
                }
                else if (r.Kind == CaptureNames.Close && r.Direction is CaptureNames.AppToClient or CaptureNames.BridgeToClient)
                {
                    required ??= steps.Count;
                }
            }
            if (steps.Count == 0)
            {
                continue;
            }
            var open = records.FirstOrDefault(e => e.Record.Kind == CaptureNames.Open)?.Record.Ms ?? records[0].Record.Ms;
            var end = records.Max(e => e.Record.Ms);
            plans.Add(new ReplayConnectionPlan(group.Key, open, end, steps, required ?? steps.Count));
        }
        plans.Sort((a, b) => a.OpenMs.CompareTo(b.OpenMs));
        return plans;
    }
}
