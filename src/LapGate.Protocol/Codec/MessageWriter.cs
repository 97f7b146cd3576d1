using System.Buffers;
using System.Buffers.Text;
using System.Text.Json.Serialization.Metadata;
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
            case UpdateControllerData m:
                WriteControllers(w, m, ctx);
                break;
            case UpdateEventStatus m:
                w.WriteString("data", m.Status);
                break;
            default:
                WriteData(w, message, ctx);
                break;
        }
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteControllers(Utf8JsonWriter w, UpdateControllerData message, WireJsonContext ctx)
    {
        w.WriteStartObject("data");
        foreach (var (id, info) in message.Controllers)
        {
            w.WritePropertyName(id);
            JsonSerializer.Serialize(w, new ControllerInfoData(info.Color, info.BackgroundColor, info.Driver, info.Car), ctx.ControllerInfoData);
        }
        w.WriteEndObject();
    }

    /// <summary>The <c>data</c> of every other message: a payload of its own shape, or raw JSON kept as it came (none when absent).</summary>
    private static void WriteData(Utf8JsonWriter w, Message message, WireJsonContext ctx)
    {
        (object Value, JsonTypeInfo Info)? payload = message switch
        {
            ControllerSet m => (new ControllerSetData(m.ControllerId), ctx.ControllerSetData),
            AnalogLap m => (new AnalogLapData(m.Timestamp, m.ControllerId), ctx.AnalogLapData),
            AnalogPitEnter m => (new ControllerIdData(m.ControllerId), ctx.ControllerIdData),
            AnalogPitLeave m => (new ControllerIdData(m.ControllerId), ctx.ControllerIdData),
            RaceControl m => (new RaceControlData(m.Value), ctx.RaceControlData),
            UpdateServerInfo m => (new ServerInfoData(m.IsSubscribed), ctx.ServerInfoData),
            ApiVersionReply m => (new ApiVersionData(m.ApiVersion), ctx.ApiVersionData),
            _ => null,
        };
        if (payload is { } typed)
        {
            w.WritePropertyName("data");
            JsonSerializer.Serialize(w, typed.Value, typed.Info);
            return;
        }
        var raw = message switch
        {
            Reset m => m.DataJson,
            UpdateVscStatus m => m.DataJson,
            UpdateFuel m => m.DataJson,
            UpdatePosition m => m.DataJson,
            _ => throw new ArgumentException($"no writer for message type {message.GetType().Name}", nameof(message)),
        };
        WriteRawData(w, raw);
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
