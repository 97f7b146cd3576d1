namespace LapGate.Sensor.Tests.Config;

public class HardwareConfigTests
{
    [Fact]
    public void Parse_ActiveHighAndButtons_ReadsThemAndButtonsHaveNoLane()
    {
        var config = SensorConfigLoader.Parse("""
            {"server":"ws://h:1","sensors":[
              {"pin":17,"lane":1,"point":"FL"},
              {"pin":27,"lane":2,"point":"FL","activeHigh":true},
              {"pin":5,"point":"START"},
              {"pin":6,"point":"stop","activeHigh":false}
            ]}
            """);

        Assert.Equal(
            [new SensorEntry(17, 1, TrackPoint.FL), new SensorEntry(27, 2, TrackPoint.FL, true), new SensorEntry(5, 0, TrackPoint.Start), new SensorEntry(6, 0, TrackPoint.Stop)],
            config.Sensors);
        Assert.Equal([1, 2], config.Lanes);
        Assert.True(config.Sensors[2].IsButton);
    }

    [Fact]
    public void Parse_HardwareMistakes_EveryOneNamedByEntry()
    {
        var ex = Assert.Throws<SensorConfigException>(() => SensorConfigLoader.Parse("""
            {"server":"ws://h:1","sensors":[
              {"pin":17,"lane":1,"point":"FL","activeHigh":"yes"},
              {"pin":5,"lane":3,"point":"START"},
              {"pin":6,"point":"FL"}
            ]}
            """));

        Assert.Equal(
            [
                "sensors[0].activeHigh: expected true or false, got the string \"yes\"",
                "sensors[1] (pin 5): a START button has no lane: remove \"lane\": 3",
                "sensors[2] (pin 6): lane (missing) is outside 1..8",
            ],
            ex.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Parse_UnknownPoint_ListsTheButtons()
    {
        var ex = Assert.Throws<SensorConfigException>(() => SensorConfigLoader.Parse("""{"server":"ws://h:1","sensors":[{"pin":1,"lane":1,"point":"GO"}]}"""));

        Assert.Contains("use FL, PE, PL, FLPL, START or STOP", ex.Errors[0].Message, StringComparison.Ordinal);
    }
}
