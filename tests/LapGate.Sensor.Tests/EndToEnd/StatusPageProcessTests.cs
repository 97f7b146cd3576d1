using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace LapGate.Sensor.Tests.EndToEnd;

/// <summary><c>lapgate sensor --status</c> as a process: the page comes up, answers the names it was given, and a taken port is a plain message.</summary>
public partial class StatusPageProcessTests
{
    private const string Config = """{"sensors":[{"pin":21,"lane":1,"point":"FL"}]}""";

    [Fact]
    public async Task Sensor_StatusWithAllowedHost_ServesThatNameAndRefusesOthers()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("track.json"), Config);
        await using var app = new StandInApp();
        using var sensor = LapgateCli.Start("sensor", "--server", app.Url.ToString(), "--config", dir.File("track.json"), "--outbox", dir.File("outbox.db"),
            "--status", "127.0.0.1:0", "--allowed-host", "race-pi.example.net");
        var line = await sensor.WaitForLineAsync("status page on http://");
        var url = new Uri(PageUrl().Match(line).Value);
        using var http = new HttpClient { BaseAddress = url };

        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { Host = $"race-pi.example.net:{url.Port}" } };
        using var allowedResponse = await http.SendAsync(allowed);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/status") { Headers = { Host = $"other.example.net:{url.Port}" } };
        using var otherResponse = await http.SendAsync(other);
        using var post = await http.PostAsync("/api/status", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, allowedResponse.StatusCode);
        Assert.Contains("\"lanes\":[{\"lane\":1", await allowedResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, otherResponse.StatusCode);
        Assert.Contains("--allowed-host NAME", await otherResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        sensor.Interrupt();
        Assert.Equal(0, await sensor.WaitForExitAsync());
    }

    [Fact]
    public async Task Sensor_StatusPortTaken_ExitsWithAPlainMessage()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("track.json"), Config);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await LapgateCli.RunAsync("sensor", "--server", "ws://127.0.0.1:1/", "--config", dir.File("track.json"), "--outbox", dir.File("outbox.db"), "--status", $"127.0.0.1:{port}");

        Assert.True(result.ExitCode == 1, result.AllOutput);
        Assert.Contains($"--status 127.0.0.1:{port}: cannot listen", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.AllOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:http", "is not a port number")]
    [InlineData("pi.local:8780", "is not an IP address")]
    [InlineData("127.0.0.1:70000", "must be 0..65535")]
    public async Task Sensor_BadStatusAddress_Exit2SayingWhy(string status, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("track.json"), Config);

        var result = await LapgateCli.RunAsync("sensor", "--server", "ws://127.0.0.1:1/", "--config", dir.File("track.json"), "--status", status);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--status {status}: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex PageUrl();
}
