using System.Text.Json.Serialization;

namespace LapGate.Protocol.Codec;

// The "data" payloads as they are on the wire. Property order here is the field order written,
// which is the order of the captures.

internal sealed class AnalogLapData
{
    [JsonPropertyName("timestamp")]
    public long Timestamp { get; set; }

    [JsonPropertyName("controller_id")]
    public int ControllerId { get; set; }
}

internal sealed class ControllerIdData
{
    [JsonPropertyName("controller_id")]
    public int ControllerId { get; set; }
}

internal sealed class ControllerSetData
{
    [JsonPropertyName("controller_id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string ControllerId { get; set; } = "";
}

internal sealed class RaceControlData
{
    [JsonPropertyName("value")]
    public string Value { get; set; } = "";
}

internal sealed class ServerInfoData
{
    [JsonPropertyName("is_subscribed")]
    public bool IsSubscribed { get; set; }
}

internal sealed class ApiVersionData
{
    [JsonPropertyName("api_version")]
    public int ApiVersion { get; set; }
}

internal sealed class ControllerInfoData
{
    [JsonPropertyName("color")]
    public string? Color { get; set; }

    [JsonPropertyName("backgroundColor")]
    public string? BackgroundColor { get; set; }

    [JsonPropertyName("driver")]
    public string? Driver { get; set; }

    [JsonPropertyName("car")]
    public string? Car { get; set; }
}

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
