namespace LapGate.Emulator.Tests.Security;

/// <summary>
/// The Host, Origin and JSON-only rules of LapGate.Web in front of a real emulator on 127.0.0.1: raw requests with
/// forged headers, as a DNS-rebinding or cross-site page would send them through the user's browser.
/// </summary>
public sealed class RequestGuardTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebind.attacker.test:50780")]
    [InlineData("localhost.evil.example")]
    public async Task Request_HostNotThisMachine_Is400WithMessage(string host)
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/race");
        request.Headers.Host = host;

        using var response = await emulator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        // The library names the option; through the CLI it is the flag (EmulateFlagNamesTests).
        Assert.Contains("start the emulator with AllowedHosts NAME", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(emulator.Logs.LinesAt(Microsoft.Extensions.Logging.LogLevel.Warning, "is not this machine"));
    }

    [Fact]
    public async Task Post_HostNotThisMachine_ChangesNothing()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        emulator.SetUpOpenRace();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/race/start") { Content = TestEmulator.NoBody() };
        request.Headers.Host = "evil.example";

        using var response = await emulator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("idle", (await emulator.GetRaceAsync()).State);
    }

    [Fact]
    public async Task Request_HostLocalNamesOrIpOrAllowed_IsAnswered()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.AllowedHosts.Add("Race-Pi.Example.NET"));
        var port = emulator.Server.Port;
        var machine = Dns.GetHostName();
        var shortName = machine.Split('.')[0];
        string[] hosts =
        [
            $"127.0.0.1:{port}", $"localhost:{port}", "LOCALHOST", $"{machine}:{port}", $"{shortName}.local:{port}",
            $"192.168.1.20:{port}", $"[::1]:{port}", $"race-pi.example.net:{port}", "race-pi.example.net.",
        ];

        foreach (var host in hosts)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/race");
            request.Headers.Host = host;
            using var response = await emulator.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Host: {host} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("api/race/start")]
    [InlineData("api/race/reset")]
    [InlineData("api/race/setup")]
    [InlineData("api/faults")]
    public async Task Post_ForeignOrigin_Is403AndChangesNothing(string path)
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        emulator.SetUpOpenRace();

        using var response = await emulator.PostWithHeaderAsync(path, "Origin", "http://evil.example", """{"mode":"laps","laps":3}""");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("another site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var race = await emulator.GetRaceAsync();
        Assert.Equal("idle", race.State);
        Assert.Equal("open", race.Setup.Mode);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("http://127.0.0.1:1")]
    [InlineData("https://127.0.0.1")]
    public async Task Post_OriginOfAnotherPortOrSandbox_Is403(string origin)
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        using var response = await emulator.PostWithHeaderAsync("api/race/reset", "Origin", origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_OwnOriginOrAllowedOrigin_IsApplied()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.AllowedOrigins.Add("http://Overlay.local:8080/"));
        emulator.SetUpOpenRace();

        using (var own = await emulator.PostWithHeaderAsync("api/race/start", "Origin", emulator.Server.HttpUri.GetLeftPart(UriPartial.Authority)))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        using (var allowed = await emulator.PostWithHeaderAsync("api/race/stop", "Origin", "http://overlay.local:8080"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        Assert.Equal("ended", (await emulator.GetRaceAsync()).State);
    }

    [Theory]
    [InlineData("text/plain", "{\"mode\":\"laps\",\"laps\":3}")]
    [InlineData("application/x-www-form-urlencoded", "mode=laps&laps=3")]
    [InlineData("multipart/form-data; boundary=x", "--x--")]
    [InlineData(null, "")]
    public async Task Post_NotJson_Is415AndChangesNothing(string? contentType, string body)
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await emulator.Http.PostAsync("api/race/setup", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("open", (await emulator.GetRaceAsync()).Setup.Mode);
    }

    [Fact]
    public async Task Post_JsonWithCharset_IsAccepted()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"mode\":\"laps\",\"laps\":3}"));
        content.Headers.TryAddWithoutValidation("Content-Type", "Application/JSON; charset=utf-8");

        using var response = await emulator.Http.PostAsync("api/race/setup", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WebSocket_ForeignOrigin_UpgradeRefusedWith403()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(emulator.Server.WebSocketUri, CancellationToken.None).Within());

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        Assert.Equal(0, emulator.Server.ConnectionCount);
        Assert.Single(emulator.Logs.LinesAt(Microsoft.Extensions.Logging.LogLevel.Warning, "Origin http://evil.example"));
    }

    [Fact]
    public async Task WebSocket_AllowedOrigin_Connects()
    {
        await using var emulator = await TestEmulator.StartAsync(output, o => o.AllowedOrigins.Add("http://overlay.local:8080"));
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://overlay.local:8080");

        await socket.ConnectAsync(emulator.Server.WebSocketUri, CancellationToken.None).Within();

        Assert.Equal(WebSocketState.Open, socket.State);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).Within();
    }

    [Theory]
    [InlineData("http://race-pi")]
    [InlineData("race pi")]
    [InlineData("race-pi:8080")]
    public async Task Start_AllowedHostNotABareName_ConfigurationErrorNamingIt(string host)
    {
        var message = await TestEmulator.StartRefusedAsync(output, o => o.AllowedHosts.Add(host));
        Assert.Contains($"allowed host \"{host}\"", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overlay.local")]
    [InlineData("http://overlay.local/page")]
    [InlineData("ftp://overlay.local")]
    public async Task Start_AllowedOriginNotAnOrigin_ConfigurationErrorNamingIt(string origin)
    {
        var message = await TestEmulator.StartRefusedAsync(output, o => o.AllowedOrigins.Add(origin));
        Assert.Contains($"allowed origin \"{origin}\"", message, StringComparison.Ordinal);
    }
}
