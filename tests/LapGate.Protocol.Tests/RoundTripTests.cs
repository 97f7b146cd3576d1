namespace LapGate.Protocol.Tests;

public class RoundTripTests
{
    public static TheoryData<string, Type> Examples => new()
    {
        { "api_version_request.json", typeof(ApiVersionRequest) },
        { "api_version_reply.json", typeof(ApiVersionReply) },
        { "controller_set.json", typeof(ControllerSet) },
        { "analog_lap.json", typeof(AnalogLap) },
        { "analog_pit_enter.json", typeof(AnalogPitEnter) },
        { "analog_pit_leave.json", typeof(AnalogPitLeave) },
        { "race_control.json", typeof(RaceControl) },
        { "update_controller_data.json", typeof(UpdateControllerData) },
        { "update_server_info.json", typeof(UpdateServerInfo) },
        { "update_event_status.json", typeof(UpdateEventStatus) },
        { "update_vsc_status.json", typeof(UpdateVscStatus) },
        { "reset.json", typeof(Reset) },
        { "update_fuel.json", typeof(UpdateFuel) },
        { "update_position.json", typeof(UpdatePosition) },
        { "unknown.json", typeof(UnknownMessage) },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void ParseThenSerialize_StoredExample_GivesTheSameBytes(string file, Type expected)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file));

        var message = MessageCodec.Parse(text);

        Assert.IsType(expected, message);
        Assert.Equal(text, MessageCodec.Serialize(message));
        Assert.Equal(message, MessageCodec.Parse(MessageCodec.ToUtf8(message)));
    }

    [Fact]
    public void Serialize_AnalogLap_IsCompactInCaptureOrder()
    {
        Assert.Equal("""{"type":"analog_lap","data":{"timestamp":1722773108999,"controller_id":2}}""",
            MessageCodec.Serialize(new AnalogLap(1722773108999, 2)));
    }

    [Fact]
    public void TryFormatAnalogLap_MatchesTheGeneralWriter()
    {
        Span<byte> buffer = stackalloc byte[MessageCodec.MaxAnalogLapBytes];
        Assert.True(MessageCodec.TryFormatAnalogLap(buffer, long.MaxValue, int.MinValue, out var n));
        Assert.Equal(MessageCodec.ToUtf8(new AnalogLap(long.MaxValue, int.MinValue)), buffer[..n].ToArray());
    }

    [Fact]
    public void TryFormatAnalogLap_BufferTooSmall_ReturnsFalse()
    {
        Span<byte> buffer = stackalloc byte[40];
        Assert.False(MessageCodec.TryFormatAnalogLap(buffer, 1722773108999, 2, out _));
    }

    [Fact]
    public void Parse_TolerantInput_ReadsIdsAsStringsNumbersAndExtraFields()
    {
        var text = """

            { "data" : { "controller_id" : "3", "timestamp" : "1722773108999", "extra": [1,2] },
              "type" : "analog_lap", "seq": 4 }

            """;
        Assert.Equal(new AnalogLap(1722773108999, 3), MessageCodec.Parse(text));
        Assert.Equal(new ControllerSet("1"), MessageCodec.Parse("""{"type":"controller_set","data":{"controller_id":1}}"""));
        Assert.Equal(new ApiVersionRequest(), MessageCodec.Parse("""{"type":"api_version","data":{}}"""));
    }

    [Fact]
    public void Parse_UnknownType_KeepsRawJson()
    {
        const string raw = """{"type":"something_new","data":{"x":1}}""";
        var message = Assert.IsType<UnknownMessage>(MessageCodec.Parse(raw));
        Assert.Equal("something_new", message.Type);
        Assert.Equal(raw, message.RawJson);
    }
}
