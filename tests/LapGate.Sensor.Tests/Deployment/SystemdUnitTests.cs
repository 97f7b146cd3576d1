namespace LapGate.Sensor.Tests.Deployment;

/// <summary>The unit file, the package's files and the README's install steps name the same paths.</summary>
public class SystemdUnitTests
{
    private static readonly string Unit = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "deploy", "lapgate-sensor.service"));
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "README.md"));
    private static readonly string PackageScript = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "scripts", "package.sh"));

    [Theory]
    [InlineData("/usr/bin/lapgate")]
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

    [Theory]
    [InlineData("$root/usr/bin/lapgate")]
    [InlineData("$root/etc/lapgate/sensor.json")]
    [InlineData("$root/usr/lib/systemd/system/lapgate-sensor.service")]
    public void PackageScript_InstalledPath_IsWhereTheUnitAndReadmeLookForIt(string staged)
    {
        Assert.Contains(staged, PackageScript, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_Service_NotifiesReadinessAndRunsTheSensorUnderSystemd()
    {
        var exec = Unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));

        Assert.Contains("Type=notify", Unit, StringComparison.Ordinal);
        Assert.Contains("StateDirectory=lapgate", Unit, StringComparison.Ordinal);
        Assert.StartsWith("ExecStart=/usr/bin/lapgate sensor ", exec, StringComparison.Ordinal);
        Assert.Contains("--systemd", exec, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_Service_ServesTheStatusPageOnTheNetworkAtTheFixedPort()
    {
        var exec = Unit.Split('\n').Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));

        Assert.Contains($"--status 0.0.0.0:{LapGate.Sensor.StatusPage.StatusPageOptions.DefaultPort} ", exec, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postinst")]
    [InlineData("prerm")]
    [InlineData("postrm")]
    public void MaintainerScript_AnyStep_NeverEnablesOrStartsTheSensor(string script)
    {
        var commands = File.ReadAllLines(Path.Combine(RepoPaths.RepoRoot, "deploy", "debian", script))
            .Select(l => l.Trim())
            .Where(l => !l.StartsWith('#') && l.StartsWith("systemctl ", StringComparison.Ordinal));

        // try-restart only restarts a sensor that is already running (an upgrade); disable --now is removal.
        Assert.All(commands, c => Assert.Matches(@"^systemctl (daemon-reload|try-restart|disable --now) ", c + " "));
    }

    [Fact]
    public void Postinst_FirstInstall_SaysHowToConfigureCheckAndEnable()
    {
        var postinst = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "deploy", "debian", "postinst"));

        Assert.Contains("sudo nano /etc/lapgate/sensor.json", postinst, StringComparison.Ordinal);
        Assert.Contains("lapgate sensor --check --config /etc/lapgate/sensor.json", postinst, StringComparison.Ordinal);
        Assert.Contains("sudo systemctl enable --now lapgate-sensor.service", postinst, StringComparison.Ordinal);
    }
}
