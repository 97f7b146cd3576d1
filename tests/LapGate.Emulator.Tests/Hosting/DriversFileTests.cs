namespace LapGate.Emulator.Tests.Hosting;

public sealed class DriversFileTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DriversFile_Valid_SentInHandshakeAndShownInStandings()
    {
        using var folder = new TempDirectory();
        var path = folder.File("drivers.json");
        await File.WriteAllTextAsync(path, """
            {
              "1": {"color": "white", "backgroundColor": "rgb(200, 0, 0)", "driver": "Ada", "car": "Porsche 917"},
              "4": {"color": "black", "backgroundColor": "yellow", "driver": "Bo", "car": "Lancia Stratos"}
            }
            """);
        await using var emulator = await TestEmulator.StartAsync(output, o => o.DriversFile = path);
        await using var client = await emulator.ConnectAsync();

        var data = Assert.IsType<UpdateControllerData>((await client.HandshakeAsync())[0]);

        Assert.Equal(["1", "4"], data.Controllers.Select(c => c.Key));
        Assert.Equal(new ControllerInfo("black", "yellow", "Bo", "Lancia Stratos"), data.Find("4"));
        var race = await emulator.GetRaceAsync();
        Assert.Equal(["Ada", "Bo"], race.Controllers.Select(c => c.Driver));
    }

    [Fact]
    public async Task DriversFile_BadJson_ErrorNamesFileAndLine()
    {
        using var folder = new TempDirectory();
        var path = folder.File("drivers.json");
        await File.WriteAllTextAsync(path, "{\n  \"1\": {\"driver\": \"Ada\"}\n  \"2\": {\"driver\": \"Bo\"}\n}\n");

        var message = await TestEmulator.StartRefusedAsync(output, o => o.DriversFile = path);

        Assert.Contains(path, message, StringComparison.Ordinal);
        Assert.Contains("line 3", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"1\": \"Ada\"}", "\"1\": expected an object {...}, got the string \"Ada\"")]
    [InlineData("{\"1\": {\"driver\": 42}}", "\"1\".driver: expected a string in quotes, got 42")]
    [InlineData("{\"1\": {\"drver\": \"Ada\"}}", "\"1\": unknown field \"drver\" (did you mean \"driver\"?)")]
    [InlineData("{\"1\": {\"Driver\": \"Ada\"}}", "\"1\": unknown field \"Driver\" (did you mean \"driver\"?)")]
    [InlineData("", "the file is empty")]
    [InlineData("{\"9\": {\"driver\": \"Ada\"}}", "\"9\" is not 1..8")]
    [InlineData("{\"one\": {\"driver\": \"Ada\"}}", "\"one\" is not 1..8")]
    [InlineData("{}", "no controllers")]
    [InlineData("[]", "expected an object")]
    public void Parse_WrongShape_ErrorNamesSourceAndController(string json, string expected)
    {
        var ex = Assert.Throws<EmulatorConfigurationException>(() => DriversData.Parse(json, "my-drivers.json"));

        Assert.Contains("my-drivers.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralMistakes_ListsEveryOne()
    {
        var ex = Assert.Throws<EmulatorConfigurationException>(() => DriversData.Parse("""{"1": {"driver": 42, "car": true}, "9": {"driver": "Ada"}}""", "my-drivers.json"));

        Assert.Equal(
            "drivers file my-drivers.json: 3 mistakes:" + Environment.NewLine
            + "  \"1\".driver: expected a string in quotes, got 42" + Environment.NewLine
            + "  \"1\".car: expected a string in quotes, got true" + Environment.NewLine
            + "  controller id \"9\" is not 1..8",
            ex.Message);
    }

    [Fact]
    public async Task DriversFile_Missing_ErrorNamesTheFile()
    {
        var message = await TestEmulator.StartRefusedAsync(output, o => o.DriversFile = "/nonexistent/drivers.json");

        Assert.Contains("/nonexistent/drivers.json", message, StringComparison.Ordinal);
    }
}
