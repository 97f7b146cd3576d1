using CsCheck;

namespace LapGate.Protocol.Tests;

public class CodecPropertyTests
{
    private static readonly Gen<Message> AnyMessage = Gen.OneOf<Message>(
        Gen.Select(Gen.Long, Gen.Int, (t, c) => new AnalogLap(t, c)),
        Gen.Int.Select(c => (Message)new AnalogPitEnter(c)),
        Gen.Int.Select(c => (Message)new AnalogPitLeave(c)),
        Gen.String.Where(s => s.Length > 0).Select(s => (Message)new ControllerSet(s)),
        Gen.String.Select(s => (Message)new RaceControl(s)),
        Gen.String.Select(s => (Message)new UpdateEventStatus(s)),
        Gen.Int.Select(v => (Message)new ApiVersionReply(v)),
        Gen.Bool.Select(b => (Message)new UpdateServerInfo(b)),
        Gen.Select(Gen.String.Array[0, 8], Gen.String.Null(), Gen.String.Null(), (ids, driver, car) =>
            (Message)new UpdateControllerData(ids.Distinct().Select(id =>
                KeyValuePair.Create(id, new ControllerInfo("black", null, driver, car))).ToList())));

    [Fact]
    public void SerializeThenParse_AnyMessage_GivesItBack()
    {
        AnyMessage.Sample(message => Assert.Equal(message, MessageCodec.Parse(MessageCodec.Serialize(message))), iter: 2000);
    }

    [Fact]
    public void TryParse_AnyBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 200].Sample(bytes => { _ = MessageCodec.TryParse(bytes, out _, out _); }, iter: 5000);
    }

    [Fact]
    public void TryFormatAnalogLap_AnyValues_MatchesWriter()
    {
        Gen.Select(Gen.Long, Gen.Int).Sample((t, c) =>
        {
            var buffer = new byte[MessageCodec.MaxAnalogLapBytes];
            Assert.True(MessageCodec.TryFormatAnalogLap(buffer, t, c, out var n));
            Assert.Equal(MessageCodec.ToUtf8(new AnalogLap(t, c)), buffer[..n]);
        });
    }
}
