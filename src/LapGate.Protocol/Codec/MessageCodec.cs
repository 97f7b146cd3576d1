using System.Buffers;
using LapGate.Protocol.Messages;

namespace LapGate.Protocol.Codec;

/// <summary>
/// The one SmartRace Connect codec: text or UTF-8 in, <see cref="Message"/> out, and back.
/// </summary>
public static class MessageCodec
{
    /// <summary>Longest possible <c>analog_lap</c> frame in bytes (for stack buffers).</summary>
    public const int MaxAnalogLapBytes = 96;

    /// <summary>Reads one frame. Throws <see cref="ProtocolException"/> when it is malformed.</summary>
    public static Message Parse(ReadOnlyMemory<byte> utf8, int maxBytes = ProtocolLimits.MaxFrameBytes) =>
        MessageReader.Read(utf8, maxBytes);

    /// <summary>Reads one frame given as text.</summary>
    public static Message Parse(string text, int maxBytes = ProtocolLimits.MaxFrameBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        return MessageReader.Read(MessageReader.ToUtf8(text), maxBytes);
    }

    /// <summary>Reads one frame; on failure returns false and the error instead of throwing.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8, out Message? message, out ProtocolException? error, int maxBytes = ProtocolLimits.MaxFrameBytes)
    {
        try
        {
            message = MessageReader.Read(utf8, maxBytes);
            error = null;
            return true;
        }
        catch (ProtocolException ex)
        {
            message = null;
            error = ex;
            return false;
        }
    }

    /// <summary>Writes a message as compact UTF-8 JSON into <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, Message message)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(message);
        MessageWriter.Write(output, message);
    }

    /// <summary>The message as compact UTF-8 JSON bytes.</summary>
    public static byte[] ToUtf8(Message message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        Write(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The message as compact JSON text.</summary>
    public static string Serialize(Message message)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        Write(buffer, message);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes <c>{"type":"analog_lap","data":{"timestamp":T,"controller_id":C}}</c> without allocating.
    /// Returns false when <paramref name="destination"/> is too small (<see cref="MaxAnalogLapBytes"/> always fits).
    /// </summary>
    public static bool TryFormatAnalogLap(Span<byte> destination, long timestamp, int controllerId, out int bytesWritten) =>
        MessageWriter.TryFormatAnalogLap(destination, timestamp, controllerId, out bytesWritten);
}
