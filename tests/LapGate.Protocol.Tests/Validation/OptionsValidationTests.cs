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
    [InlineData("database /home/pi/Port/race.db is damaged", "database /home/pi/Port/race.db is damaged")]
    [InlineData(@"database C:\Port\race.db is damaged", @"database C:\Port\race.db is damaged")]
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

    [Fact]
    public void AddIfHelpers_EachProblemOnlyWhenItIsOne()
    {
        var failures = new List<string>();

        failures.AddIf(false, "A: never");
        failures.AddIf(true, "B: always");
        failures.AddIfMissing("C", null);
        failures.AddIfMissing("D", "given");
        failures.AddIfNotPositive("E", TimeSpan.Zero);
        failures.AddIfNotPositive("F", TimeSpan.FromTicks(-1));
        failures.AddIfNotPositive("G", TimeSpan.FromTicks(1));

        Assert.Equal(["B: always", "C: is required", "E: must be positive", "F: must be positive"], failures);
    }

    [Fact]
    public void AddNested_MissingOptionsAreRequiredElseTheirProblemsArePrefixed()
    {
        var failures = new List<string>();

        failures.AddNested<Named>("Missing", null, NamedValidator.Instance, null);
        failures.AddNested("Given", new Named(""), NamedValidator.Instance, null);
        failures.AddNested("Fine", new Named("x"), NamedValidator.Instance, null);

        Assert.Equal(["Missing: is required", "Given.Name: is required"], failures);
    }

    [Fact]
    public void OptionsValidator_NullOptions_ThrowsElseListsEveryProblem()
    {
        Assert.Throws<ArgumentNullException>(() => NamedValidator.Instance.Validate(null, null!));
        Assert.True(NamedValidator.Instance.Validate(null, new Named("x")).Succeeded);
        Assert.Equal(["Name: is required"], NamedValidator.Instance.Validate(null, new Named(" ")).Problems());
    }

    private sealed record Named(string Name);

    private sealed class NamedValidator : OptionsValidator<NamedValidator, Named>
    {
        protected override void Check(string? name, Named options, List<string> failures) =>
            failures.AddIf(string.IsNullOrWhiteSpace(options.Name), "Name: is required");
    }
}
