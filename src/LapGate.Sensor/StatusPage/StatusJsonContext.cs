using System.Text.Json.Serialization;

namespace LapGate.Sensor.StatusPage;

/// <summary>Source-generated JSON for the status page (camelCase; enums by name, e.g. "Connected", "Debounce").</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatusUpdate))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
