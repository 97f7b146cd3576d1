using LapGate.TestSupport;

namespace LapGate.Sensor.Tests.Deployment;

/// <summary>The unit file and the README's install steps name the same paths.</summary>
public class SystemdUnitTests
{
    private static readonly string Unit = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "deploy", "lapgate-sensor.service"));
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "README.md"));

    [Theory]
    [InlineData("/opt/lapgate/lapgate")]
    [InlineData("/etc/lapgate/sensor.json")]
    [InlineData("/var/lib/lapgate/outbox.db")]
    [InlineData("lapgate-sensor.service")]
    public void UnitAndReadme_InstalledPath_NamedInBoth(string path)
    {
        Assert.Contains(path, Readme, StringComparison.Ordinal);
        if (path.StartsWith('/'))
        {
            Assert.Contains(path, Unit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unit_Service_NotifiesReadinessAndRunsTheSensorUnderSystemd()
    {
        var exec = Unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));

        Assert.Contains("Type=notify", Unit, StringComparison.Ordinal);
        Assert.Contains("StateDirectory=lapgate", Unit, StringComparison.Ordinal);
        Assert.Contains(" sensor ", exec, StringComparison.Ordinal);
        Assert.Contains("--systemd", exec, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_Service_ServesTheStatusPageOnTheNetworkAtTheFixedPort()
    {
        var exec = Unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));

        Assert.Contains($"--status 0.0.0.0:{LapGate.Sensor.StatusPage.StatusPageOptions.DefaultPort} ", exec, StringComparison.Ordinal);
    }
}
