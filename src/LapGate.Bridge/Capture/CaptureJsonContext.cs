using System.Text.Encodings.Web;
using System.Text.Json.Serialization;

namespace LapGate.Bridge.Capture;

/// <summary>Source-generated (AOT-safe) JSON for capture lines.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CaptureRecord))]
internal sealed partial class CaptureJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Capture lines keep quotes and <c>&gt;</c> readable (<c>"dir":"client->app"</c>, <c>"text":"{\"type\":…}"</c>):
    /// the file is read by people and by <see cref="CaptureFile"/>, never embedded in HTML.
    /// </summary>
    public static CaptureJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
