using System.Buffers;
using System.Net.WebSockets;

namespace LapGate.Bridge.Recording;

/// <summary>Turns a frame into readable text: pretty JSON, raw text when not JSON, length and hex for binary.</summary>
public static class FrameFormatter
{
    /// <summary>How many bytes of a binary frame are shown in hex.</summary>
    public const int HexBytesShown = 64;

    /// <summary>The frame as text for a console.</summary>
    public static string Describe(WebSocketMessageType kind, ReadOnlySpan<byte> payload)
    {
        if (kind == WebSocketMessageType.Binary)
        {
            var shown = payload[..Math.Min(payload.Length, HexBytesShown)];
            var hex = Convert.ToHexString(shown);
            var more = payload.Length > shown.Length ? " …" : "";
            return $"binary {payload.Length} bytes: {hex}{more}";
        }
        return PrettyJsonOrRaw(payload);
    }

    /// <summary>Indented JSON when the text is one JSON value, otherwise the text itself.</summary>
    public static string PrettyJsonOrRaw(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.BytesConsumed < utf8.Length && !IsWhiteSpace(utf8[(int)reader.BytesConsumed..]))
            {
                return Encoding.UTF8.GetString(utf8);
            }
            var buffer = new ArrayBufferWriter<byte>(utf8.Length * 2 + 16);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.WriteTo(writer);
            }
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(utf8);
        }
    }

    private static bool IsWhiteSpace(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }
        return true;
    }
}
