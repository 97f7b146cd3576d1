using System.Text.Json.Serialization;

namespace LapGate.Sensor.Config;

/// <summary>
/// The config file as written (before validation); read by <see cref="Protocol.Json.StrictJson"/>, so an unknown
/// field or a value of the wrong type is a mistake named with its path.
/// </summary>
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
    public int? Pin { get; set; }

    [JsonPropertyName("lane")]
    public int? Lane { get; set; }

    /// <summary>FL, PE, PL, FLPL, START or STOP; the value's case does not matter (<c>"fl"</c> is FL).</summary>
    [JsonPropertyName("point")]
    public string? Point { get; set; }

    [JsonPropertyName("activeHigh")]
    public bool? ActiveHigh { get; set; }
}

[JsonSourceGenerationOptions(ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ConfigFile))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
