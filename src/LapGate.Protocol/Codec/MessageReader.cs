using System.Text.Json.Serialization.Metadata;
using LapGate.Protocol.Json;
using LapGate.Protocol.Messages;

namespace LapGate.Protocol.Codec;

/// <summary>
/// Reads one frame into a <see cref="Message"/>. Tolerant: whitespace and newlines anywhere, extra
/// fields, ids as number or string. Unknown types become <see cref="UnknownMessage"/>, never an error.
/// Malformed frames throw <see cref="ProtocolException"/> saying what is wrong and where.
/// </summary>
internal static class MessageReader
{
    private static readonly JsonDocumentOptions DocumentOptions = JsonText.Options(maxDepth: 32);

    public static Message Read(ReadOnlyMemory<byte> utf8, int maxBytes)
    {
        if (utf8.Length > maxBytes)
        {
            throw new ProtocolException(ProtocolErrorKind.TooLarge,
                $"frame of {utf8.Length} bytes is over the limit of {maxBytes} bytes");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new ProtocolException(ProtocolErrorKind.InvalidJson, $"invalid JSON: {Where(ex)}{FirstSentence(ex.Message)}", null, ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ProtocolException(ProtocolErrorKind.NotAnObject, $"expected a JSON object, found {Describe(root.ValueKind)}");
            }
            if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                throw new ProtocolException(ProtocolErrorKind.MissingType,
                    typeElement.ValueKind == JsonValueKind.Undefined
                        ? "frame has no \"type\" field"
                        : $"\"type\" must be a string, found {Describe(typeElement.ValueKind)}");
            }
            var type = typeElement.GetString()!;
            root.TryGetProperty("data", out var data);
            return ReadTyped(type, data, root);
        }
    }

    private static Message ReadTyped(string type, JsonElement data, JsonElement root)
    {
        var ctx = WireJsonContext.Default;
        switch (type)
        {
            case MessageTypes.ApiVersion:
                // The sensor's request has no data; the app's reply carries {"api_version":N}.
                if (data.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
                {
                    return new ApiVersionRequest();
                }
                if (data.ValueKind == JsonValueKind.Object && !data.TryGetProperty("api_version", out _))
                {
                    return new ApiVersionRequest();
                }
                return new ApiVersionReply(Data(type, data, ctx.ApiVersionData, "api_version").ApiVersion);
            case MessageTypes.ControllerSet:
                var set = Data(type, data, ctx.ControllerSetData, "controller_id");
                if (set.ControllerId.Length == 0)
                {
                    throw new ProtocolException(ProtocolErrorKind.InvalidField, $"{type}: data.controller_id is empty", type);
                }
                return new ControllerSet(set.ControllerId);
            case MessageTypes.AnalogLap:
                var lap = Data(type, data, ctx.AnalogLapData, "timestamp", "controller_id");
                return new AnalogLap(lap.Timestamp, lap.ControllerId);
            case MessageTypes.AnalogPitEnter:
                return new AnalogPitEnter(Data(type, data, ctx.ControllerIdData, "controller_id").ControllerId);
            case MessageTypes.AnalogPitLeave:
                return new AnalogPitLeave(Data(type, data, ctx.ControllerIdData, "controller_id").ControllerId);
            case MessageTypes.RaceControl:
                return new RaceControl(Data(type, data, ctx.RaceControlData, "value").Value);
            case MessageTypes.UpdateControllerData:
                return ReadControllerData(type, data);
            case MessageTypes.UpdateServerInfo:
                return new UpdateServerInfo(Data(type, data, ctx.ServerInfoData, "is_subscribed").IsSubscribed);
            case MessageTypes.UpdateEventStatus:
                if (data.ValueKind != JsonValueKind.String)
                {
                    throw Missing(type, data, "data", "a string");
                }
                return new UpdateEventStatus(data.GetString()!);
            case MessageTypes.Reset:
                return new Reset(RawOrNull(data));
            case MessageTypes.UpdateVscStatus:
                return new UpdateVscStatus(RawOrNull(data));
            case MessageTypes.UpdateFuel:
                return new UpdateFuel(RawOrNull(data));
            case MessageTypes.UpdatePosition:
                return new UpdatePosition(RawOrNull(data));
            default:
                return new UnknownMessage(type, root.GetRawText());
        }
    }

    private static UpdateControllerData ReadControllerData(string type, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw Missing(type, data, "data", "an object");
        }
        var list = new List<KeyValuePair<string, ControllerInfo>>();
        foreach (var entry in data.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object)
            {
                throw new ProtocolException(ProtocolErrorKind.InvalidField,
                    $"{type}: data.\"{entry.Name}\" must be an object, found {Describe(entry.Value.ValueKind)}", type);
            }
            var info = Deserialize(type, $"data.\"{entry.Name}\"", entry.Value, WireJsonContext.Default.ControllerInfoData);
            list.Add(new(entry.Name, new ControllerInfo(info.Color, info.BackgroundColor, info.Driver, info.Car)));
        }
        return new UpdateControllerData(list);
    }

    private static T Data<T>(string type, JsonElement data, JsonTypeInfo<T> typeInfo, params ReadOnlySpan<string> required)
    {
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw Missing(type, data, "data", "an object");
        }
        foreach (var name in required)
        {
            if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                throw new ProtocolException(ProtocolErrorKind.MissingField, $"{type}: data.{name} is missing", type);
            }
        }
        return Deserialize(type, "data", data, typeInfo);
    }

    private static T Deserialize<T>(string type, string where, JsonElement element, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return element.Deserialize(typeInfo)
                ?? throw new ProtocolException(ProtocolErrorKind.InvalidField, $"{type}: {where} is null", type);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            var path = ex is JsonException { Path: { Length: > 1 } p } ? where + p.TrimStart('$') : where;
            throw new ProtocolException(ProtocolErrorKind.InvalidField, $"{type}: {path} has an invalid value", type, ex);
        }
    }

    private static ProtocolException Missing(string type, JsonElement found, string what, string expected) =>
        found.ValueKind == JsonValueKind.Undefined
            ? new ProtocolException(ProtocolErrorKind.MissingField, $"{type}: {what} is missing", type)
            : new ProtocolException(ProtocolErrorKind.InvalidField,
                $"{type}: {what} must be {expected}, found {Describe(found.ValueKind)}", type);

    private static string? RawOrNull(JsonElement data) =>
        data.ValueKind == JsonValueKind.Undefined ? null : data.GetRawText();

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Where(JsonException ex) =>
        ex.LineNumber is { } line ? $"line {line + 1}, byte {ex.BytePositionInLine + 1}: " : "";

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "LineNumber: … | BytePositionInLine: …"; we print our own position.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd() : message;
    }

    internal static byte[] ToUtf8(string text)
    {
        try
        {
            return new UTF8Encoding(false, true).GetBytes(text);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ProtocolException(ProtocolErrorKind.InvalidJson, "frame is not valid UTF-16 text", null, ex);
        }
    }
}
