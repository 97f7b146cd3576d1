using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using LapGate.Protocol.Messages;

namespace LapGate.Protocol.Codec;

/// <summary>
/// Writes messages compactly, in the field order of the captures,
/// e.g. <c>{"type":"analog_lap","data":{"timestamp":1722773108999,"controller_id":2}}</c>.
/// </summary>
internal static class MessageWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false };

    public static void Write(IBufferWriter<byte> output, Message message)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Write(writer, message);
    }

    private static void Write(Utf8JsonWriter w, Message message)
    {
        var ctx = WireJsonContext.Default;
        if (message is UnknownMessage unknown)
        {
            w.WriteRawValue(unknown.RawJson);
            w.Flush();
            return;
        }
        w.WriteStartObject();
        w.WriteString("type", message.Type);
        switch (message)
        {
            case ApiVersionRequest:
                break;
            case ControllerSet m:
                w.WritePropertyName("data");
                JsonSerializer.Serialize(w, new ControllerSetData { ControllerId = m.ControllerId }, ctx.ControllerSetData);
                break;
            case AnalogLap m:
                w.WritePropertyName("data");
                JsonSerializer.Serialize(w, new AnalogLapData { Timestamp = m.Timestamp, ControllerId = m.ControllerId }, ctx.AnalogLapData);
                break;
            case AnalogPitEnter m:
                w.WritePropertyName("data");
                JsonSerializer.Serialize(w, new ControllerIdData { ControllerId = m.ControllerId }, ctx.ControllerIdData);
                break;
            case AnalogPitLeave m:
                w.WritePropertyName("data");
                JsonSerializer.Serialize(w, new ControllerIdData { ControllerId = m.ControllerId }, ctx.ControllerIdData);
                break;
            case RaceControl m:
                w.WritePropertyName("data");
                JsonSerializer.Serialize(w, new RaceControlData { Value = m.Value }, ctx.RaceControlData);
                break;
            case UpdateControllerData m:
                w.WriteStartObject("data");
                foreach (var (id, info) in m.Controllers)
                {
                    w.WritePropertyName(id);
                    JsonSerializer.Serialize(w, new ControllerInfoData
                    {
                        Color = info.Color,
                        BackgroundColor = info.BackgroundColor,
                        Driver = info.Driver,
                        Car = info.Car,
                    }, ctx.ControllerInfoData);
                }
                w.WriteEndObject();
                break;
            case UpdateServerInfo m:
                w.WritePropertyName("data");
                JsonSerializer.Serialize(w, new ServerInfoData { IsSubscribed = m.IsSubscribed }, ctx.ServerInfoData);
                break;
            case ApiVersionReply m:
                w.WritePropertyName("data");
                JsonSerializer.Serialize(w, new ApiVersionData { ApiVersion = m.ApiVersion }, ctx.ApiVersionData);
                break;
            case UpdateEventStatus m:
                w.WriteString("data", m.Status);
                break;
            case Reset m:
                WriteRawData(w, m.DataJson);
                break;
            case UpdateVscStatus m:
                WriteRawData(w, m.DataJson);
                break;
            case UpdateFuel m:
                WriteRawData(w, m.DataJson);
                break;
            case UpdatePosition m:
                WriteRawData(w, m.DataJson);
                break;
            default:
                throw new ArgumentException($"no writer for message type {message.GetType().Name}", nameof(message));
        }
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteRawData(Utf8JsonWriter w, string? dataJson)
    {
        if (dataJson is not null)
        {
            w.WritePropertyName("data");
            w.WriteRawValue(dataJson);
        }
    }

    private static ReadOnlySpan<byte> LapPrefix => """{"type":"analog_lap","data":{"timestamp":"""u8;
    private static ReadOnlySpan<byte> LapMiddle => ""","controller_id":"""u8;
    private static ReadOnlySpan<byte> LapSuffix => "}}"u8;

    /// <summary>Allocation-free <c>analog_lap</c> writer for the sensor's hot path.</summary>
    public static bool TryFormatAnalogLap(Span<byte> destination, long timestamp, int controllerId, out int written)
    {
        written = 0;
        if (!LapPrefix.TryCopyTo(destination))
        {
            return false;
        }
        var pos = LapPrefix.Length;
        if (!Utf8Formatter.TryFormat(timestamp, destination[pos..], out var n))
        {
            return false;
        }
        pos += n;
        if (!LapMiddle.TryCopyTo(destination[pos..]))
        {
            return false;
        }
        pos += LapMiddle.Length;
        if (!Utf8Formatter.TryFormat(controllerId, destination[pos..], out n))
        {
            return false;
        }
        pos += n;
        if (!LapSuffix.TryCopyTo(destination[pos..]))
        {
            return false;
        }
        written = pos + LapSuffix.Length;
        return true;
    }
}
