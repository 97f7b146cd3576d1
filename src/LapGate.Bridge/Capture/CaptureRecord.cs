using System.Text.Json.Serialization;

namespace LapGate.Bridge.Capture;

/// <summary>
/// One line of a capture file (JSON Lines). See <c>docs/capture-format.md</c>.
/// Unused fields are left out of the line.
/// </summary>
public sealed class CaptureRecord
{
    /// <summary>UTC wall-clock time, ISO-8601 with milliseconds (<c>2026-11-24T18:05:01.123Z</c>).</summary>
    [JsonPropertyName("time")]
    public string Time { get; set; } = "";

    /// <summary>Monotonic milliseconds since the bridge started (microsecond precision).</summary>
    [JsonPropertyName("ms")]
    public double Ms { get; set; }

    /// <summary>Connection id, 1, 2, … in accept order.</summary>
    [JsonPropertyName("conn")]
    public int Connection { get; set; }

    /// <summary><c>open</c>, <c>text</c>, <c>binary</c>, <c>close</c> or <c>end</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    /// <summary><c>client->app</c>, <c>app->client</c>, <c>bridge->client</c> or <c>bridge->app</c> (frames and closes).</summary>
    [JsonPropertyName("dir")]
    public string? Direction { get; set; }

    /// <summary>The text frame exactly as sent.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>The binary frame, base64.</summary>
    [JsonPropertyName("base64")]
    public string? Base64 { get; set; }

    /// <summary>Close code (absent when the close frame carried none).</summary>
    [JsonPropertyName("code")]
    public int? Code { get; set; }

    /// <summary>Close reason.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>On <c>open</c>: the client's address.</summary>
    [JsonPropertyName("client")]
    public string? Client { get; set; }

    /// <summary>On <c>open</c>: the upstream the bridge connects this client to.</summary>
    [JsonPropertyName("upstream")]
    public string? Upstream { get; set; }

    /// <summary>On <c>end</c>: why the connection failed, if it did.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }
}
