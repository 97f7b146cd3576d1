namespace LapGate.Bridge.Tests.Capture;

public class CaptureFileTests
{
    private const string Good = """{"time":"2026-11-24T18:05:01.123Z","ms":1.5,"conn":1,"kind":"text","dir":"client->app","text":"x"}""";

    [Theory]
    [InlineData("{not json", "not a JSON capture record")]
    [InlineData("""{"time":"t","ms":1,"conn":1,"kind":"shout"}""", "\"kind\" is 'shout'")]
    [InlineData("""{"time":"t","ms":1,"conn":0,"kind":"open"}""", "\"conn\"")]
    [InlineData("""{"time":"t","ms":-1,"conn":1,"kind":"open"}""", "\"ms\"")]
    [InlineData("""{"time":"t","ms":1,"conn":1,"kind":"text","text":"x"}""", "\"dir\"")]
    [InlineData("""{"time":"t","ms":1,"conn":1,"kind":"text","dir":"client->app"}""", "needs \"text\"")]
    [InlineData("""{"time":"t","ms":1,"conn":1,"kind":"binary","dir":"client->app","base64":"@@"}""", "base64")]
    [InlineData("""{"time":"t","ms":1,"conn":1,"kind":"close","dir":"client->app","code":77}""", "close \"code\" 77")]
    public void Parse_BadLine_ThrowsNamingFileLineAndProblem(string bad, string problem)
    {
        var text = $"{Good}\n\n{Good}\n{bad}\n{Good}\n";

        var error = Assert.Throws<CaptureFormatException>(() => CaptureFile.Parse(new StringReader(text), "race.jsonl"));

        Assert.Equal(4, error.Line);
        Assert.StartsWith("race.jsonl:4: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GoodLinesWithBlanks_KeepsLineNumbers()
    {
        var entries = CaptureFile.Parse(new StringReader($"{Good}\n\n{Good}\n"), "x");

        Assert.Equal([1, 3], entries.Select(e => e.Line));
        Assert.Equal("x", entries[1].Record.Text);
        Assert.Equal(1.5, entries[1].Record.Ms);
    }
}
