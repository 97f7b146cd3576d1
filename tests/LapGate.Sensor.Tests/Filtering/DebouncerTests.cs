namespace LapGate.Sensor.Tests.Filtering;

public class DebouncerTests
{
    [Fact]
    public void Accept_WithinWindowOnSamePin_Rejects()
    {
        var debouncer = new Debouncer(TimeSpan.FromMilliseconds(50));

        Assert.True(debouncer.Accept(21, 1_000_000));
        Assert.False(debouncer.Accept(21, 1_049_999));
        Assert.True(debouncer.Accept(21, 1_050_000));
    }

    [Fact]
    public void Accept_OtherPin_IsIndependent()
    {
        var debouncer = new Debouncer(TimeSpan.FromMilliseconds(50));

        Assert.True(debouncer.Accept(21, 1_000_000));
        Assert.True(debouncer.Accept(22, 1_000_001));
    }

    [Fact]
    public void Accept_TimeBeforeTheLastAccepted_IsNotABounce()
    {
        var debouncer = new Debouncer(TimeSpan.FromMilliseconds(50));

        Assert.True(debouncer.Accept(21, 1_000_000));
        Assert.True(debouncer.Accept(21, 999_000));
        Assert.False(debouncer.Accept(21, 1_000_500));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Debouncer(TimeSpan.FromTicks(-1)));
    }
}
