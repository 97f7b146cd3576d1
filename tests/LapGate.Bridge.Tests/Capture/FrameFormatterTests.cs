using System.Text;
using LapGate.Bridge.Recording;

namespace LapGate.Bridge.Tests.Capture;

public class FrameFormatterTests
{
    [Fact]
    public void Describe_JsonText_IsIndented()
    {
        var text = FrameFormatter.Describe(WebSocketMessageType.Text, """{"type":"reset","data":{"a":[1,2]}}"""u8);

        Assert.Equal("{\n  \"type\": \"reset\",\n  \"data\": {\n    \"a\": [\n      1,\n      2\n    ]\n  }\n}", text.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("hello app")]
    [InlineData("{\"type\":\"x\"} trailing")]
    [InlineData("{\"type\":")]
    public void Describe_TextThatIsNotOneJsonValue_IsShownRaw(string raw)
    {
        Assert.Equal(raw, FrameFormatter.Describe(WebSocketMessageType.Text, Encoding.UTF8.GetBytes(raw)));
    }

    [Fact]
    public void Describe_Binary_ShowsLengthAndHexOfTheStart()
    {
        var data = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();

        var text = FrameFormatter.Describe(WebSocketMessageType.Binary, data);

        Assert.StartsWith("binary 100 bytes: 000102", text, StringComparison.Ordinal);
        Assert.EndsWith("3F …", text, StringComparison.Ordinal);
    }
}
