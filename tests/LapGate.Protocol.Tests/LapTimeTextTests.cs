using LapGate.Protocol.Formatting;

namespace LapGate.Protocol.Tests;

public class LapTimeTextTests
{
    [Theory]
    [InlineData(4321L, "4.321")]
    [InlineData(59999L, "59.999")]
    [InlineData(60000L, "1:00.000")]
    [InlineData(64321L, "1:04.321")]
    [InlineData(605001L, "10:05.001")]
    [InlineData(7L, "0.007")]
    [InlineData(-250L, "-0.250")]
    [InlineData(null, "-")]
    public void Format_Milliseconds_AsReadAtTheTrack(long? ms, string expected)
    {
        Assert.Equal(expected, LapTimeText.Format(ms));
    }
}
