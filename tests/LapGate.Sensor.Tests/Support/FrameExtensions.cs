using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;

namespace LapGate.Sensor.Tests.Support;

public static class FrameExtensions
{
    /// <summary>The parsed messages, optionally of one connection only.</summary>
    public static IReadOnlyList<Message> Messages(this IReadOnlyList<ReceivedFrame> frames, int? connection = null) =>
        frames.Where(f => connection is null || f.Connection == connection).Select(f => MessageCodec.Parse(f.Text)).ToArray();

    /// <summary>The analog_lap / pit / race_control messages, optionally of one connection only.</summary>
    public static IReadOnlyList<Message> Events(this IReadOnlyList<ReceivedFrame> frames, int? connection = null) =>
        frames.Messages(connection).Where(m => m is AnalogLap or AnalogPitEnter or AnalogPitLeave or RaceControl).ToArray();

    public static int CountOf<T>(this IReadOnlyList<ReceivedFrame> frames, int? connection = null) =>
        frames.Messages(connection).OfType<T>().Count();
}
