namespace LapGate.Sensor.Tests.Filtering;

public class DebouncerTests
{
    [Fact]
    public void Accept_WithinWindowOnSamePin_RejectsButATimeBeforeTheLastAcceptedIsNoBounce()
    {
        var debouncer = new Debouncer(TimeSpan.FromMilliseconds(50));

        Assert.True(debouncer.Accept(21, 1_000_000));
        Assert.False(debouncer.Accept(21, 1_049_999));
        Assert.True(debouncer.Accept(21, 1_050_000));
        Assert.True(debouncer.Accept(21, 1_049_000));
        Assert.False(debouncer.Accept(21, 1_049_500));
    }

    [Fact]
    public void Accept_OtherPin_IsIndependent()
    {
        var debouncer = new Debouncer(TimeSpan.FromMilliseconds(50));

        Assert.True(debouncer.Accept(21, 1_000_000));
        Assert.True(debouncer.Accept(22, 1_000_001));
    }

    [Fact]
    public void Constructor_NegativeWindow_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Debouncer(TimeSpan.FromTicks(-1)));
}
