namespace LapGate.Sensor.Tests.Filtering;

public class MinLapFilterTests
{
    [Fact]
    public void Accept_LapShorterThanMinimumOrBeforeTheLast_RejectsAndKeepsLastLap()
    {
        var filter = new MinLapFilter(TimeSpan.FromSeconds(1));

        Assert.True(filter.Accept(1, 10_000));
        Assert.False(filter.Accept(1, 10_999));
        Assert.Equal(10_000, filter.LastLap(1));
        Assert.True(filter.Accept(1, 11_000));
        Assert.False(filter.Accept(1, 9_000));
        Assert.Equal(11_000, filter.LastLap(1));
        Assert.Null(filter.LastLap(2));
    }

    [Fact]
    public void Accept_AfterClear_FirstLapAgain()
    {
        var filter = new MinLapFilter(TimeSpan.FromSeconds(1));
        filter.Accept(1, 10_000);

        filter.Clear();

        Assert.True(filter.Accept(1, 10_100));
    }
}
