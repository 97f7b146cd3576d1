using System.Text.Json;
using System.Text.Json.Serialization;

namespace LapGate.Sensor.Config;

/// <summary>The config file as written (before validation). Unknown fields are ignored.</summary>
internal sealed class ConfigFile
{
    [JsonPropertyName("server")]
    public string? Server { get; set; }

    [JsonPropertyName("sensors")]
    public List<ConfigFileSensor?>? Sensors { get; set; }

    [JsonPropertyName("minLapMs")]
    public int? MinLapMs { get; set; }

    [JsonPropertyName("debounceMs")]
    public int? DebounceMs { get; set; }
}

/// <summary>One <c>sensors</c> entry as written.</summary>
internal sealed class ConfigFileSensor
{
    [JsonPropertyName("pin")]
    public JsonElement? Pin { get; set; }

    [JsonPropertyName("lane")]
    public JsonElement? Lane { get; set; }

    [JsonPropertyName("point")]
    public JsonElement? Point { get; set; }

    [JsonPropertyName("activeHigh")]
    public JsonElement? ActiveHigh { get; set; }
}

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ConfigFile))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
