using System.Net;
using LapGate.Bridge.Forwarding;

namespace LapGate.Bridge.Tests.Forwarding;

public class BridgeOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1:50781", "127.0.0.1", 50781)]
    [InlineData("localhost:0", "127.0.0.1", 0)]
    [InlineData("*:50781", "0.0.0.0", 50781)]
    [InlineData("[::1]:9000", "::1", 9000)]
    public void ParseListen_GoodAddress_GivesEndpoint(string listen, string ip, int port)
    {
        Assert.Equal(new IPEndPoint(IPAddress.Parse(ip), port), BridgeOptions.ParseListen(listen));
    }

    [Theory]
    [InlineData("50781", "HOST:PORT")]
    [InlineData("127.0.0.1:", "HOST:PORT")]
    [InlineData("127.0.0.1:99999", "port '99999'")]
    [InlineData("127.0.0.1:-1", "port '-1'")]
    [InlineData("tablet.local:50781", "host 'tablet.local'")]
    public void ParseListen_BadAddress_SaysWhatIsWrong(string listen, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => BridgeOptions.ParseListen(listen));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Upstream is required")]
    [InlineData("http://10.0.0.2:50780", "ws:// or wss://")]
    public void Validate_BadUpstream_SaysWhatIsWrong(string? upstream, string problem)
    {
        var options = new BridgeOptions { Upstream = upstream is null ? null : new Uri(upstream) };
        var failure = Assert.Single(BridgeOptionsValidator.Instance.Validate(null, options).Failures!);
        Assert.Contains(problem, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_LongReason_CutTo123BytesOnACharacterBoundary()
    {
        var reason = CloseReasons.Fit("upstream ws://example/ unreachable: " + new string('é', 100));

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(reason) <= 123);
        Assert.EndsWith("é...", reason, StringComparison.Ordinal);
    }
}
