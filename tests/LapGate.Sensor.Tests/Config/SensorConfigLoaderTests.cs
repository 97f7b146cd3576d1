namespace LapGate.Sensor.Tests.Config;

public class SensorConfigLoaderTests
{
    /// <summary>The exception the loader refuses <paramref name="json"/> with (the test fails if it is accepted).</summary>
    private static SensorConfigException Refused(string json, string source = "config") =>
        Assert.Throws<SensorConfigException>(() => SensorConfigLoader.Parse(json, source));

    private const string Valid = """
        {
          // comments are allowed
          "server": "ws://192.168.1.20:50780",
          "sensors": [
            {"pin": 21, "lane": 1, "point": "FL"},
            {"pin": 22, "lane": 2, "point": "FLPL"},
            {"pin": 23, "lane": 2, "point": "PE"},
            {"pin": 24, "lane": 1, "point": "pl"}
          ],
          "minLapMs": 1500,
          "debounceMs": 20
        }
        """;

    [Fact]
    public void Parse_ValidConfig_ReadsEveryField()
    {
        var config = SensorConfigLoader.Parse(Valid);

        Assert.Equal(new Uri("ws://192.168.1.20:50780"), config.Server);
        Assert.Equal(1500, config.MinLapMs);
        Assert.Equal(20, config.DebounceMs);
        Assert.Equal(
            [new SensorEntry(21, 1, TrackPoint.FL), new SensorEntry(22, 2, TrackPoint.FLPL), new SensorEntry(23, 2, TrackPoint.PE), new SensorEntry(24, 1, TrackPoint.PL)],
            config.Sensors);
        Assert.Equal([1, 2], config.Lanes);
    }

    [Fact]
    public void Parse_NoFilterSettings_UsesDefaults()
    {
        var config = SensorConfigLoader.Parse("""{"server":"ws://h:1","sensors":[{"pin":1,"lane":1,"point":"FL"}]}""");

        Assert.Equal(SensorConfig.DefaultMinLapMs, config.MinLapMs);
        Assert.Equal(SensorConfig.DefaultDebounceMs, config.DebounceMs);
    }

    [Fact]
    public void Parse_BadJson_ReportsLineAndColumn()
    {
        var ex = Refused("{\n  \"server\": \"ws://h:1\",\n  \"sensors\": [ {\"pin\": 21,, } ]\n}", "track.json");

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("line 3, column ", error.Where, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("track.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"server":"ws://h:1","sensors":[{"pin":21,"lane":1,"point":"FL"},{"pin":5,"lane":1,"point":"XX"}]}""", "sensors[1] (pin 5)", "unknown point \"XX\"")]
    [InlineData("""{"server":"ws://h:1","sensors":[{"pin":21,"lane":0,"point":"FL"}]}""", "sensors[0] (pin 21)", "outside 1..8")]
    [InlineData("""{"server":"ws://h:1","sensors":[{"pin":21,"lane":9,"point":"FL"}]}""", "sensors[0] (pin 21)", "outside 1..8")]
    [InlineData("""{"server":"ws://h:1","sensors":[{"pin":21,"lane":1,"point":"FL"},{"pin":21,"lane":2,"point":"FL"}]}""", "sensors[1] (pin 21)", "also by sensors[0]")]
    public void Parse_UnknownPointLaneOutsideOneToEightOrSamePinTwice_TheOnlyErrorNamesTheEntry(string json, string where, string message)
    {
        var ex = Refused(json);

        var error = Assert.Single(ex.Errors);
        Assert.Equal(where, error.Where);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"server":"ws://h:1","sensors":[{"pin":21,"lane":"one","point":"FL"}]}""", "sensors[0].lane: expected a whole number, got the string \"one\"")]
    [InlineData("""{"server":"ws://h:1","sensors":[{"pin":21,"pin":22,"lane":1,"point":"FL"}]}""", "sensors[0].pin: given twice: keep one")]
    public void Parse_LaneNotANumberOrFieldGivenTwice_TheOnlyErrorNamesTheFieldWhatIsWrongAndTheFix(string json, string expected)
    {
        var ex = Refused(json);

        Assert.Equal(expected, Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Parse_UnknownFields_EachNamedWithTheFieldMeant()
    {
        var ex = Refused("""
            {"server":"ws://h:1","minlapms":3000,"sensors":[{"pin":21,"lane":1,"point":"FL","activehigh":true},{"Pin":22,"lane":2,"point":"FL"}],"colour":"red"}
            """);

        Assert.Equal(
            [
                "unknown field \"minlapms\" (did you mean \"minLapMs\"?)",
                "sensors[0]: unknown field \"activehigh\" (did you mean \"activeHigh\"?)",
                "sensors[1]: unknown field \"Pin\" (did you mean \"pin\"?)",
                "unknown field \"colour\"",
                "sensors[1]: pin (missing) must be a non-negative integer",
            ],
            ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_WrongTypes_EveryOneNamedWithPathValueAndExpectation()
    {
        var ex = Refused("""
            {"server":"ws://h:1","debounceMs":"abc","sensors":[
              {"pin":"26","lane":1,"point":"FL"},
              {"pin":27.5,"lane":2,"point":"FL"},
              {"pin":1e10,"lane":3,"point":"FL"},
              {"pin":-1e10,"lane":4,"point":"FL"},
              {"pin":5,"lane":5,"point":6},
              [7]
            ]}
            """, "track.json");

        Assert.Equal(
            [
                "debounceMs: expected a whole number, got the string \"abc\"",
                "sensors[0].pin: expected a whole number, got the string \"26\"",
                "sensors[1].pin: expected a whole number, got 27.5",
                "sensors[2].pin: expected a whole number up to 2147483647, got 1e10",
                "sensors[3].pin: expected a whole number from -2147483648, got -1e10",
                "sensors[4].point: expected a string in quotes, got 6",
                "sensors[5]: expected an object {...}, got a list [...]",
            ],
            ex.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain("System.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LapGate.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("// only a comment\n")]
    public void Parse_EmptyFile_SaysItIsEmpty(string json)
    {
        var ex = Refused(json, "track.json");

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("the file is empty: expected an object like {", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("isFinalBlock", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "a list [...]")]
    [InlineData("[{\"pin\":21,\"lane\":1,\"point\":\"FL\"}]", "a list [...]")]
    [InlineData("\"ws://h:1\"", "the string \"ws://h:1\"")]
    [InlineData("null", "null")]
    public void Parse_NotAnObject_SaysJustThat(string json, string got)
    {
        var ex = Refused(json, "track.json");

        var error = Assert.Single(ex.Errors).ToString();
        Assert.StartsWith("the file: expected an object like {", error, StringComparison.Ordinal);
        Assert.EndsWith(", got " + got, error, StringComparison.Ordinal);
        Assert.DoesNotContain("ConfigFile", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentsTrailingCommasAndPointInAnyCase_Accepted()
    {
        var config = SensorConfigLoader.Parse("""
            {
              /* the tablet */ "server": "ws://h:1",
              "sensors": [ {"pin": 21, "lane": 1, "point": "fl",}, {"pin": 5, "point": "Start"}, ],
            }
            """);

        Assert.Equal([new SensorEntry(21, 1, TrackPoint.FL), new SensorEntry(5, 0, TrackPoint.Start)], config.Sensors);
    }

    [Fact]
    public void Parse_MissingServer_IsAnErrorUnlessGivenOrNotRequired()
    {
        const string json = """{"sensors":[{"pin":21,"lane":1,"point":"FL"}]}""";

        var ex = Refused(json);
        Assert.Equal("server", Assert.Single(ex.Errors).Where);
        Assert.Equal(new Uri("ws://10.0.0.2:50780"), SensorConfigLoader.Parse(json, serverOverride: new Uri("ws://10.0.0.2:50780")).Server);
        Assert.Null(SensorConfigLoader.Parse(json, requireServer: false).Server);
    }

    [Fact]
    public void Parse_ServerNotWebSocket_IsAnError()
    {
        var ex = Refused("""{"server":"http://h:1","sensors":[{"pin":21,"lane":1,"point":"FL"}]}""");

        Assert.Contains("ws://", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEveryOne()
    {
        var ex = Refused("""
            {"sensors":[
              {"pin":21,"lane":9,"point":"FL"},
              {"pin":21,"lane":1,"point":"ZZ"},
              {"lane":2,"point":"FL"}
            ], "minLapMs": -5}
            """);

        Assert.Equal(6, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Where == "server");
        Assert.Contains(ex.Errors, e => e.Where == "minLapMs");
        Assert.Contains(ex.Errors, e => e.Where == "sensors[0] (pin 21)" && e.Message.Contains("outside 1..8", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Where == "sensors[1] (pin 21)" && e.Message.Contains("used twice", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Where == "sensors[1] (pin 21)" && e.Message.Contains("unknown point", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Where == "sensors[2]" && e.Message.Contains("pin (missing)", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoSensors_IsAnError()
    {
        var ex = Refused("""{"server":"ws://h:1","sensors":[]}""");

        Assert.Equal("sensors", Assert.Single(ex.Errors).Where);
    }

    [Fact]
    public void Load_MissingFile_SaysItCannotRead()
    {
        using var dir = new TempDirectory();

        var ex = Assert.Throws<SensorConfigException>(() => SensorConfigLoader.Load(dir.File("nope.json")));

        Assert.Contains("cannot read", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SampleConfig_IsValid()
    {
        var config = SensorConfigLoader.Load(Path.Combine(RepoPaths.RepoRoot, "samples", "sensor-config.json"));

        Assert.NotEmpty(config.Sensors);
        Assert.NotNull(config.Server);
    }
}
