using LapGate.Protocol.Validation;
using LapGate.Sensor.StatusPage;
using LapGate.Web;

namespace LapGate.Sensor.Tests.StatusPage;

/// <summary>The status page's options: one validator names every problem, and the --status parser says them in the user's words.</summary>
public sealed class StatusPageOptionsTests
{
    [Fact]
    public void Validate_WrongBindPortAndGuard_NamesEveryProblemByProperty()
    {
        var options = new StatusPageOptions { Bind = "pi.local", Port = 70_000, Guards = new RequestGuardOptions { AllowedHosts = { "http://pi/" } } };

        var problems = StatusPageOptionsValidator.Instance.Validate(null, options).Problems();

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("Bind: \"pi.local\" is not an IP address", problems[0], StringComparison.Ordinal);
        Assert.Equal("Port: 70000 must be 0..65535", problems[1]);
        Assert.StartsWith("allowed host \"http://pi/\" is not a host name", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WrongHostAndPort_SaysHostAndPortNotPropertyNames()
    {
        var parsed = StatusPageOptions.TryParse("pi.local:70000", new RequestGuardOptions(), out var error);

        Assert.Null(parsed);
        Assert.Equal("host: \"pi.local\" is not an IP address (use 0.0.0.0 for the network, 127.0.0.1 for this machine only); port: 70000 must be 0..65535", error);
    }

    [Fact]
    public void TryParse_PortOnly_EveryInterfaceOnThatPort()
    {
        var parsed = StatusPageOptions.TryParse(":9000", new RequestGuardOptions(), out var error);

        Assert.Null(error);
        Assert.Equal(("0.0.0.0", 9000), (parsed!.Bind, parsed.Port));
    }
}
