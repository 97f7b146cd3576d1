using LapGate.Bridge.Events;

namespace LapGate.Bridge.Capture;

/// <summary>Turns bridge events into capture lines.</summary>
internal static class CaptureRecords
{
    public static CaptureRecord From(BridgeEvent item, string upstream)
    {
        var record = new CaptureRecord
        {
            Time = item.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Ms = Math.Round(item.OffsetMs, 3),
            Connection = item.Connection,
            Kind = CaptureNames.Of(item.Kind),
            Direction = item.Direction is { } d ? CaptureNames.Of(d) : null,
        };
        switch (item.Kind)
        {
            case BridgeEventKind.Open:
                record.Client = item.Detail;
                record.Upstream = upstream;
                break;
            case BridgeEventKind.Text:
                record.Text = Encoding.UTF8.GetString(item.Payload.Span);
                break;
            case BridgeEventKind.Binary:
                record.Base64 = Convert.ToBase64String(item.Payload.Span);
                break;
            case BridgeEventKind.Close:
                record.Code = item.CloseCode;
                record.Reason = item.Detail;
                break;
            default:
                record.Error = item.Detail;
                break;
        }
        return record;
    }
}
