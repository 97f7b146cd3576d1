using System.Net.WebSockets;
using LapGate.Bridge.Capture;
using LapGate.Bridge.Events;

namespace LapGate.Bridge.Recording;

/// <summary>The live print-out of one event: local time, connection, direction, then the frame.</summary>
internal static class BridgeEventPrinter
{
    public static string Format(BridgeEvent item, string upstream)
    {
        var nl = Environment.NewLine;
        var time = item.Time.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var head = $"{time} #{item.Connection}";
        var arrow = item.Direction is { } d ? CaptureNames.Arrow(d) : "";
        return item.Kind switch
        {
            BridgeEventKind.Open => $"{head} open  {item.Detail} → {upstream}{nl}",
            BridgeEventKind.Text => $"{head} {arrow}{nl}{FrameFormatter.Describe(WebSocketMessageType.Text, item.Payload.Span)}{nl}",
            BridgeEventKind.Binary => $"{head} {arrow} {FrameFormatter.Describe(WebSocketMessageType.Binary, item.Payload.Span)}{nl}",
            BridgeEventKind.Close => $"{head} {arrow} close {item.CloseCode?.ToString(CultureInfo.InvariantCulture) ?? "(no code)"} {item.Detail}{nl}",
            _ => item.Detail is null ? $"{head} end{nl}" : $"{head} end   {item.Detail}{nl}",
        };
    }
}
