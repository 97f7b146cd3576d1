using System.Text.Json.Serialization;

namespace LapGate.Bridge.Capture;

/// <summary>Source-generated (AOT-safe) JSON for capture lines.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CaptureRecord))]
internal sealed partial class CaptureJsonContext : JsonSerializerContext;
