using System.Text.Json.Serialization;

namespace LapGate.Protocol.Codec;

// The "data" payloads as they are on the wire. Property order here is the field order written,
// which is the order of the captures.

internal sealed record AnalogLapData(
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("controller_id")] int ControllerId);

internal sealed record ControllerIdData([property: JsonPropertyName("controller_id")] int ControllerId);

internal sealed record ControllerSetData(
    [property: JsonPropertyName("controller_id"), JsonConverter(typeof(StringOrNumberConverter))] string ControllerId);

internal sealed record RaceControlData([property: JsonPropertyName("value")] string Value);

internal sealed record ServerInfoData([property: JsonPropertyName("is_subscribed")] bool IsSubscribed);

internal sealed record ApiVersionData([property: JsonPropertyName("api_version")] int ApiVersion);

internal sealed record ControllerInfoData(
    [property: JsonPropertyName("color")] string? Color,
    [property: JsonPropertyName("backgroundColor")] string? BackgroundColor,
    [property: JsonPropertyName("driver")] string? Driver,
    [property: JsonPropertyName("car")] string? Car);

[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(AnalogLapData))]
[JsonSerializable(typeof(ControllerIdData))]
[JsonSerializable(typeof(ControllerSetData))]
[JsonSerializable(typeof(RaceControlData))]
[JsonSerializable(typeof(ServerInfoData))]
[JsonSerializable(typeof(ApiVersionData))]
[JsonSerializable(typeof(ControllerInfoData))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
