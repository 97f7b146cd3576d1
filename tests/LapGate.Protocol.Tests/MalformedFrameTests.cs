using System.Text;

namespace LapGate.Protocol.Tests;

public class MalformedFrameTests
{
    [Theory]
    [InlineData("{\"type\":\"analog_lap\",", ProtocolErrorKind.InvalidJson, "invalid JSON")]
    [InlineData("{\"type\":\"analog_lap\",\n \"data\": {\"timestamp\": 12 x}}", ProtocolErrorKind.InvalidJson, "line 2")]
    [InlineData("[1,2]", ProtocolErrorKind.NotAnObject, "found an array")]
    [InlineData("\"analog_lap\"", ProtocolErrorKind.NotAnObject, "found a string")]
    [InlineData("{\"data\":{}}", ProtocolErrorKind.MissingType, "no \"type\"")]
    [InlineData("{\"type\":5}", ProtocolErrorKind.MissingType, "must be a string")]
    [InlineData("{\"type\":\"analog_lap\"}", ProtocolErrorKind.MissingField, "analog_lap: data is missing")]
    [InlineData("{\"type\":\"analog_lap\",\"data\":{\"controller_id\":2}}", ProtocolErrorKind.MissingField, "analog_lap: data.timestamp is missing")]
    [InlineData("{\"type\":\"analog_lap\",\"data\":{\"timestamp\":1,\"controller_id\":null}}", ProtocolErrorKind.MissingField, "data.controller_id is missing")]
    [InlineData("{\"type\":\"analog_lap\",\"data\":{\"timestamp\":\"soon\",\"controller_id\":2}}", ProtocolErrorKind.InvalidField, "analog_lap: data.timestamp has an invalid value")]
    [InlineData("{\"type\":\"analog_lap\",\"data\":[1]}", ProtocolErrorKind.InvalidField, "data must be an object, found an array")]
    [InlineData("{\"type\":\"analog_pit_enter\",\"data\":{\"controller_id\":1.5}}", ProtocolErrorKind.InvalidField, "analog_pit_enter: data.controller_id has an invalid value")]
    [InlineData("{\"type\":\"controller_set\",\"data\":{\"controller_id\":\"\"}}", ProtocolErrorKind.InvalidField, "controller_id is empty")]
    [InlineData("{\"type\":\"update_event_status\",\"data\":{}}", ProtocolErrorKind.InvalidField, "data must be a string")]
    [InlineData("{\"type\":\"update_controller_data\",\"data\":{\"1\":3}}", ProtocolErrorKind.InvalidField, "data.\"1\" must be an object")]
    public void Parse_MalformedFrame_ThrowsTypedErrorSayingWhat(string frame, ProtocolErrorKind kind, string says)
    {
        var ex = Assert.Throws<ProtocolException>(() => MessageCodec.Parse(frame));
        Assert.Equal(kind, ex.Kind);
        Assert.Contains(says, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FrameOverLimit_IsTooLarge()
    {
        var big = "{\"type\":\"x\",\"data\":\"" + new string('a', ProtocolLimits.MaxFrameBytes) + "\"}";
        var ex = Assert.Throws<ProtocolException>(() => MessageCodec.Parse(big));
        Assert.Equal(ProtocolErrorKind.TooLarge, ex.Kind);
        Assert.Contains("65536", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_InvalidUtf8_ReturnsErrorWithoutThrowing()
    {
        var bytes = new byte[] { (byte)'{', 0xff, 0xfe, (byte)'}' };
        Assert.False(MessageCodec.TryParse(bytes, out var message, out var error));
        Assert.Null(message);
        Assert.Equal(ProtocolErrorKind.InvalidJson, error!.Kind);
    }

    [Fact]
    public void TryParse_ValidFrame_ReturnsMessage()
    {
        Assert.True(MessageCodec.TryParse(Encoding.UTF8.GetBytes("{\"type\":\"reset\"}"), out var message, out var error));
        Assert.NotNull(message);
        Assert.Null(error);
    }
}
