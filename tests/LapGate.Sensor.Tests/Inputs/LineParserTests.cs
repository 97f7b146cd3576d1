namespace LapGate.Sensor.Tests.Inputs;

public class LineParserTests
{
    [Theory]
    [InlineData("21", 21, null)]
    [InlineData("21 123456", 21, 123456L)]
    [InlineData("  7\t4294967295  ", 7, 4294967295L)]
    [InlineData("21 1000 # a comment", 21, 1000L)]
    public void Parse_Trigger_ReadsPinAndDeviceTime(string line, int pin, long? micros)
    {
        var result = LineParser.Parse(line);

        Assert.Equal(LineKind.Trigger, result.Kind);
        Assert.Equal(pin, result.Pin);
        Assert.Equal(micros, result.DeviceTimeMicros);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# just a comment")]
    [InlineData("   # indented comment")]
    public void Parse_BlankOrComment_IsIgnored(string line)
    {
        Assert.Equal(LineKind.Ignored, LineParser.Parse(line).Kind);
    }

    [Theory]
    [InlineData("# lapgate-pico 1.0 on Pico W", "lapgate-pico 1.0 on Pico W")]
    [InlineData("  #overflow 3  \r", "overflow 3")]
    [InlineData("#", "")]
    public void Parse_WholeLineComment_KeepsTheCommentText(string line, string text)
    {
        var parsed = LineParser.Parse(line);

        Assert.Equal((LineKind.Ignored, text), (parsed.Kind, parsed.Comment));
    }

    [Theory]
    [InlineData("21 1000 # a comment")]
    [InlineData("   ")]
    public void Parse_TriggerWithCommentOrBlank_HasNoCommentText(string line)
    {
        Assert.Null(LineParser.Parse(line).Comment);
    }

    [Theory]
    [InlineData("abc", "'abc' is not a pin number")]
    [InlineData("-3", "'-3' is not a pin number")]
    [InlineData("21 12x", "'12x' is not a device time")]
    [InlineData("21 -5", "'-5' is not a device time")]
    [InlineData("21 5 6", "too many fields")]
    [InlineData("99999999999", "is not a pin number")]
    public void Parse_Garbage_IsInvalidWithReason(string line, string reason)
    {
        var result = LineParser.Parse(line);

        Assert.Equal(LineKind.Invalid, result.Kind);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }
}
