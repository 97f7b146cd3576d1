namespace LapGate.Cli.Tests;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_ShortFastRace_FinishesWithResultsAndAPassingCheck()
    {
        var (exitCode, output, error) = await LapgateCli.RunAsync("demo", "--laps", "3", "--cars", "3", "--speed", "8", "--seed", "42");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains("Emulator (the app's side) at ws://127.0.0.1:", output, StringComparison.Ordinal);
        Assert.Contains("Race finished. Results:", output, StringComparison.Ordinal);
        Assert.Contains("Winner: ", output, StringComparison.Ordinal);
        Assert.Contains("Check: every crossing the sensor sent was counted once", output, StringComparison.Ordinal);
        // One line per counted lap while racing (output is redirected): the leader's third lap is among them.
        Assert.Contains("P1 lane ", output, StringComparison.Ordinal);
        Assert.Contains(": lap 3 in ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--cars", "9", "--cars must be 1..8")]
    [InlineData("--laps", "0", "--laps must be 1..500")]
    [InlineData("--speed", "50", "--speed must be 0.1..20")]
    public async Task Demo_OptionOutOfRange_FailsNamingTheOption(string option, string value, string says)
    {
        var (exitCode, output, error) = await LapgateCli.RunAsync("demo", option, value);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(says, output + error, StringComparison.Ordinal);
    }
}
