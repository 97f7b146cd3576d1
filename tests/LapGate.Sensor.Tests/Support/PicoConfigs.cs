namespace LapGate.Sensor.Tests.Support;

/// <summary>config.py files shaped like the original Pico W project's example.</summary>
public static class PicoConfigs
{
    /// <summary>Wi-Fi, the app's address and four gates on two lanes (lane 2's pit exit is at the finish line).</summary>
    public const string OriginalExample = """
        # Analog sensor configuration

        # Wi-Fi network the Pico W joins
        config_wifi = {
            "ssid": "TrackWifi",      # network name
            "password": "s3cret#1",
        }

        # SmartRace: the address and port shown by the Smartrace Connect plug-in
        config_smartrace = {"server": "192.168.1.20", "port": 50780}

        # (GPIO, lane, track point): FL finish line, PE pit enter, PL pit leave, FLPL finish line and pit leave
        config_hardware = [
            (21, 1, 'FL'),    # lane 1 finish line
            (20, 1, 'PE'),
            (6, 2, 'FLPL'),   # lane 2: the pit lane rejoins at the finish line
            (7, 2, 'PE'),
        ]

        """;
}
