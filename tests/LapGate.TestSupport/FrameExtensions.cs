using LapGate.Protocol.Codec;
using LapGate.Protocol.Messages;

namespace LapGate.TestSupport;

/// <summary>The protocol messages in frames a <see cref="StandInApp"/> received.</summary>
public static class FrameExtensions
{
    /// <summary>The parsed messages, optionally of one connection only.</summary>
    public static IReadOnlyList<Message> Messages(this IReadOnlyList<Frame> frames, int? connection = null) =>
        frames.Where(f => connection is null || f.Connection == connection).Select(f => MessageCodec.Parse(f.Text)).ToArray();

    /// <summary>The analog_lap / pit / race_control messages, optionally of one connection only.</summary>
    public static IReadOnlyList<Message> Events(this IReadOnlyList<Frame> frames, int? connection = null) =>
        frames.Messages(connection).Where(m => m is AnalogLap or AnalogPitEnter or AnalogPitLeave or RaceControl).ToArray();

    /// <summary>The analog_lap messages, optionally of one connection only.</summary>
    public static IReadOnlyList<AnalogLap> Laps(this IReadOnlyList<Frame> frames, int? connection = null) =>
        frames.Messages(connection).OfType<AnalogLap>().ToArray();

    public static int CountOf<T>(this IReadOnlyList<Frame> frames, int? connection = null) =>
        frames.Messages(connection).OfType<T>().Count();
}
