using LapGate.Protocol.Validation;
using Microsoft.Extensions.Options;

namespace LapGate.Protocol.Tests.Validation;

public class OptionsValidationTests
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["Port"] = "--port",
        ["Faults.HandshakeDelay"] = "--fault-handshake-delay",
        ["Faults"] = "--faults",
    };

    [Theory]
    [InlineData("Port: 70000 is outside 0..65535", "--port: 70000 is outside 0..65535")]
    [InlineData("Faults.HandshakeDelay: must be 0..600000 ms", "--fault-handshake-delay: must be 0..600000 ms")]
    [InlineData("Faults: is required", "--faults: is required")]
    [InlineData("give it as Port 80", "give it as --port 80")]
    [InlineData("Ports: is not a name here", "Ports: is not a name here")]
    [InlineData("MaxPort: neither", "MaxPort: neither")]
    public void Rename_PropertyAsAWholeWord_BecomesTheCallersWord(string text, string expected) =>
        Assert.Equal(expected, OptionsValidation.Rename(text, Flags));

    [Fact]
    public void ToResult_NoFailure_SuccessElseEveryFailure()
    {
        Assert.True(new List<string>().ToResult().Succeeded);

        var result = new List<string> { "A: one", "B: two" }.ToResult();

        Assert.Equal(["A: one", "B: two"], result.Problems());
    }

    [Fact]
    public void AddNested_PrefixesEachProblemWithTheProperty()
    {
        var failures = new List<string>();

        failures.AddNested("Link", ValidateOptionsResult.Fail(["SendTimeout: must be positive", "RetryPolicy: is required"]));

        Assert.Equal(["Link.SendTimeout: must be positive", "Link.RetryPolicy: is required"], failures);
    }
}
