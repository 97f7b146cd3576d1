using LapGate.Sensor.Probing;

namespace LapGate.Sensor.Tests.Pipeline;

public class SensorOptionsValidatorTests
{
    [Fact]
    public void Validate_SeveralMistakes_ReportsEveryOneByPropertyWithoutAFlag()
    {
        var options = new SensorOptions
        {
            Server = new Uri("http://h:1"),
            Config = new SensorConfig([new SensorEntry(1, 1, TrackPoint.FL)]),
            OutboxPath = " ",
            ChannelCapacity = 0,
            Link = new LinkOptions { SendTimeout = TimeSpan.Zero, KeepAliveTimeout = TimeSpan.Zero, SendWindow = 0 },
        };

        var failures = SensorOptionsValidator.Instance.Validate(null, options).Failures!;

        Assert.Equal(
            ["Server", "OutboxPath", "ChannelCapacity", "Link.KeepAliveTimeout", "Link.SendTimeout", "Link.SendWindow"],
            failures.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]));
        Assert.DoesNotContain(failures, f => f.Contains("--", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SimulatorAndProbeMistakes_EveryOneNamed()
    {
        var simulator = SimulatorOptionsValidator.Instance.Validate(null, new SimulatorOptions { Cars = 9, Laps = 0, Speed = 0 }).Failures!;
        var probe = ProbeOptionsValidator.Instance.Validate(null, new ProbeOptions { Samples = 0, Timeout = TimeSpan.Zero }).Failures!;

        Assert.Equal(["Cars: 9 must be 1..8", "Laps: 0 must be at least 1", "Speed: must be positive"], simulator);
        Assert.Equal(["Samples: 0 must be 1..50", "Timeout: 0 s must be more than 0 and at most 60 s"], probe);
    }

    [Fact]
    public void SensorRunner_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new SensorOptions { Server = new Uri("http://h:1"), Config = new SensorConfig([new SensorEntry(1, 1, TrackPoint.FL)]), ChannelCapacity = 0 };

        var ex = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new SensorRunner(options));

        Assert.Equal(2, ex.Failures.Count());
    }
}
