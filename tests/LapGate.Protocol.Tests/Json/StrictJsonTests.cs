using System.Text.Json.Serialization;
using CsCheck;
using LapGate.Protocol.Json;

namespace LapGate.Protocol.Tests.Json;

public class StrictJsonTests
{
    private const string Valid = """
        {
          // a comment
          "name": "Home ring",
          "laps": 20,
          "minutes": 5.5,
          "big": 9000000000,
          "small": 200,
          "on": true,
          "gates": [ {"pin": 21, "label": "finish"}, {"pin": 22}, ],
          "colours": {"1": "red", "2": "blue"},
          "extra": {"anything": [1, "two"]},
        }
        """;

    [Fact]
    public void Read_ValidText_GivesTheValueAndNoProblem()
    {
        var read = StrictJson.Read(Valid, StrictJsonTestContext.Default.Sample, "the file");

        Assert.True(read.IsValid, string.Join("; ", read.Problems));
        var value = read.Value!;
        Assert.Equal("Home ring", value.Name);
        Assert.Equal(20, value.Laps);
        Assert.Equal(5.5, value.Minutes);
        Assert.Equal(9_000_000_000L, value.Big);
        Assert.Equal((byte)200, value.Small);
        Assert.True(value.On);
        Assert.Equal([21, 22], value.Gates!.Select(g => g.Pin));
        Assert.Equal(["1", "2"], value.Colours!.Keys);
    }

    [Theory]
    [InlineData("""{"laps":5.5}""", "laps: expected a whole number, got 5.5")]
    [InlineData("""{"laps":"5"}""", "laps: expected a whole number, got the string \"5\"")]
    [InlineData("""{"laps":1e10}""", "laps: expected a whole number up to 2147483647, got 1e10")]
    [InlineData("""{"laps":1e2}""", "laps: expected a whole number written plainly (like 100), got 1e2")]
    [InlineData("""{"laps":5.0}""", "laps: expected a whole number written plainly (like 5), got 5.0")]
    [InlineData("""{"laps":null}""", "laps: expected a whole number, got null")]
    [InlineData("""{"small":256}""", "small: expected a whole number up to 255, got 256")]
    [InlineData("""{"small":-1}""", "small: expected a whole number from 0, got -1")]
    [InlineData("""{"big":99999999999999999999}""", "big: expected a whole number up to 9223372036854775807, got 99999999999999999999")]
    [InlineData("""{"minutes":1e999}""", "minutes: expected a number of sensible size, got 1e999")]
    [InlineData("""{"minutes":"5"}""", "minutes: expected a number, got the string \"5\"")]
    [InlineData("""{"on":"yes"}""", "on: expected true or false, got the string \"yes\"")]
    [InlineData("""{"name":5}""", "name: expected a string in quotes, got 5")]
    [InlineData("""{"gates":{}}""", "gates: expected a list [...], got an object {...}")]
    [InlineData("""{"gates":[null]}""", "gates[0]: expected an object {...}, got null")]
    [InlineData("""{"gates":[{"pin":1,"lable":"x"}]}""", "gates[0]: unknown field \"lable\" (did you mean \"label\"?)")]
    [InlineData("""{"colours":{"1":5}}""", "colours.\"1\": expected a string in quotes, got 5")]
    [InlineData("""{"colours":{"1":null}}""", "colours.\"1\": expected a string in quotes, got null")]
    [InlineData("""{"Laps":5}""", "unknown field \"Laps\" (did you mean \"laps\"?)")]
    [InlineData("""{"lapz":5}""", "unknown field \"lapz\" (did you mean \"laps\"?)")]
    [InlineData("""{"wholly":5}""", "unknown field \"wholly\"")]
    [InlineData("""{"laps":1,"laps":2}""", "laps: given twice: keep one")]
    [InlineData("", "the file is empty: expected an object {...}")]
    [InlineData("/* nothing */", "the file is empty: expected an object {...}")]
    [InlineData("[]", "the file: expected an object {...}, got a list [...]")]
    [InlineData("null", "the file: expected an object {...}, got null")]
    public void Read_OneMistake_NamedWithPathValueAndExpectation(string json, string expected)
    {
        var read = StrictJson.Read(json, StrictJsonTestContext.Default.Sample, "the file");

        Assert.False(read.IsValid);
        Assert.Equal(expected, Assert.Single(read.Problems).ToString());
    }

    [Theory]
    [InlineData("{\"name\":\"a\"", "the text ends before the JSON is complete (a '}' or ']' is missing)")]
    [InlineData("{\n  \"name\": \"a\",,\n}", "is an invalid start of")]
    public void Read_BadJson_NamesLineAndColumnInPlainWords(string json, string expected)
    {
        var read = StrictJson.Read(json, StrictJsonTestContext.Default.Sample, "the file");

        var problem = Assert.Single(read.Problems);
        Assert.Matches(@"^line \d+, column \d+$", problem.Where);
        Assert.StartsWith("invalid JSON: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeveralMistakes_ListsEveryOneAndKeepsTheRightParts()
    {
        var read = StrictJson.Read("""{"name":"A","laps":"x","on":1,"gates":[{"pin":"1"},{"pin":2}],"colour":"red"}""", StrictJsonTestContext.Default.Sample, "the file");

        Assert.Equal(
            ["laps: expected a whole number, got the string \"x\"", "on: expected true or false, got 1", "gates[0].pin: expected a whole number, got the string \"1\"", "unknown field \"colour\" (did you mean \"colours\"?)"],
            read.Problems.Select(p => p.ToString()));
        Assert.Equal("A", read.Value!.Name);
        Assert.Equal(2, read.Value.Gates![1].Pin);
        Assert.True(read.HasProblemAt("gates"));
        Assert.True(read.HasProblemAt("gates[0]"));
        Assert.False(read.HasProblemAt("gates[1]"));
        Assert.False(read.HasProblemAt("name"));
    }

    [Fact]
    public void Read_ByteOrderMark_Skipped()
    {
        var read = StrictJson.Read("\uFEFF{\"laps\":3}"u8.ToArray(), StrictJsonTestContext.Default.Sample, "the body");

        Assert.Equal(3, read.Value!.Laps);
    }

    [Fact]
    public void Read_RandomMutationsOfAValidText_NeverThrowNorNameADotNetType()
    {
        var gen = Gen.Select(Gen.Int[0, Valid.Length], Gen.Int[0, 6], Gen.Char['\0', '\u007f'], (at, cut, c) => (at, cut, c));
        gen.Sample(m =>
        {
            var at = Math.Min(m.at, Valid.Length);
            var text = Valid[..at] + m.c + Valid[Math.Min(Valid.Length, at + m.cut)..];

            var read = StrictJson.Read(text, StrictJsonTestContext.Default.Sample, "the file");

            foreach (var problem in read.Problems)
            {
                var line = problem.ToString();
                foreach (var leak in (string[])["System.", "Nullable", "LapGate", "isFinalBlock", "`1", "Int32", "could not be converted"])
                {
                    Assert.DoesNotContain(leak, line, StringComparison.Ordinal);
                }
            }
            Assert.True(read.IsValid || read.Problems.Count > 0);
        }, iter: 3000);
    }
}

public sealed class Sample
{
    public string? Name { get; set; }

    public int Laps { get; set; }

    public double? Minutes { get; set; }

    public long? Big { get; set; }

    public byte? Small { get; set; }

    public bool? On { get; set; }

    public List<SampleGate>? Gates { get; set; }

    public Dictionary<string, string?>? Colours { get; set; }

    public System.Text.Json.JsonElement? Extra { get; set; }
}

public sealed record SampleGate(int Pin, string? Label = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Sample))]
internal sealed partial class StrictJsonTestContext : JsonSerializerContext;
