using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LapGate.Dashboard.Tests.SensorStatus;

/// <summary>The sensor's read-only status page (<c>lapgate sensor --status</c>) in a real Chromium, fed by a real sensor and the real emulator.</summary>
public partial class SensorStatusPageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StatusPage_TriggersOnDesktop_GateLightsLaneSaysFirstCrossingThenLapAndRejections()
    {
        await using var harness = await SensorStatusPage.OpenAsync(output, 1600, 900);
        var page = harness.Page;
        await harness.WaitLiveAsync();
        await Expect(page.Locator("#link-state")).ToHaveTextAsync("registered");
        await Expect(page.Locator("#api")).ToHaveTextAsync("7");
        await Expect(harness.Lane(1).Locator(".driver")).ToHaveTextAsync("Ada");
        await Expect(harness.Lane(1).Locator(".car")).ToHaveTextAsync("Porsche 917");
        await Expect(harness.Lane(1).Locator(".driver")).ToHaveCSSAsync("background-color", "rgb(200, 16, 46)");
        await Expect(page.Locator("#gates .gate")).ToHaveCountAsync(3);
        await Expect(harness.Gate(21)).ToContainTextAsync("not fired yet");
        await Expect(harness.Gate(21)).Not.ToHaveClassAsync(Lit());

        await harness.WriteLineAsync("21 1000000");

        await Expect(harness.Gate(21)).ToHaveClassAsync(Lit());
        await Expect(harness.Gate(21)).ToHaveAttributeAsync("data-fired", "1");
        await Expect(harness.Gate(22)).Not.ToHaveClassAsync(Lit());
        await Expect(harness.Lane(1).Locator(".last")).ToHaveTextAsync("first crossing");
        await Expect(harness.Lane(1).Locator(".laps")).ToHaveTextAsync("0");
        // The light goes out again, so the next pass is seen.
        await Expect(harness.Gate(21)).Not.ToHaveClassAsync(Lit());

        await harness.WriteLineAsync("21 1010000");
        await Expect(harness.Gate(21)).ToContainTextAsync("rejected: bounce");
        await Expect(harness.Lane(1).Locator(".rejected .count")).ToHaveTextAsync("1");
        await Expect(harness.Lane(1).Locator(".rejections li")).ToContainTextAsync("pin 21: bounce");

        await harness.WriteLineAsync("21 3513000");
        await harness.WriteLineAsync("9 3600000");
        await Expect(harness.Lane(1).Locator(".laps")).ToHaveTextAsync("1");
        await Expect(harness.Lane(1).Locator(".last")).ToHaveTextAsync("2.513");
        await Expect(harness.Lane(1).Locator(".best")).ToHaveTextAsync("2.513");
        await Expect(harness.Gate(9)).ToContainTextAsync("not in the config");
        await Expect(page.Locator("#delivered")).ToHaveTextAsync("2");
        await Expect(page.Locator("#pending")).ToHaveTextAsync("0");
        await Expect(page.Locator("#log")).ToContainTextAsync("a log line");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.DashboardPage.ArtifactPath("sensor-status-desktop.png"), FullPage = true });
    }

    [Fact]
    public async Task StatusPage_Scripts_ModulesOnTheSamePushConnectionAsTheDashboard()
    {
        await using var harness = await SensorStatusPage.OpenAsync(output, 1024, 768);
        await harness.WaitLiveAsync();
        using var http = new HttpClient();

        var plainScripts = await harness.Page.EvaluateAsync<int>("() => document.querySelectorAll('script:not([type=module])').length");
        var globals = await harness.Page.EvaluateAsync<string[]>("() => ['LiveConnection', 'showLink', 'render'].filter((name) => name in window)");
        var statusLive = await http.GetByteArrayAsync(new Uri(harness.Status!.Url, "static/live.js"));
        var dashboardLive = await http.GetByteArrayAsync(new Uri(harness.Emulator!.HttpUri, "static/live.js"));

        Assert.Equal(0, plainScripts);
        Assert.Empty(globals);
        Assert.Equal(dashboardLive, statusLive);
    }

    [Fact]
    public async Task StatusPage_AppGoesAwayOnPhone_ShowsReconnectingThenRegisteredAgain()
    {
        await using var harness = await SensorStatusPage.OpenAsync(output, 390, 844);
        var page = harness.Page;
        await harness.WaitLiveAsync();
        await Expect(page.Locator("#link-state")).ToHaveTextAsync("registered");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");

        await harness.StopEmulatorAsync();

        await Expect(page.Locator("#link-state")).ToContainTextAsync("reconnecting");
        await Expect(page.Locator("#reconnects")).Not.ToHaveTextAsync("0");

        await harness.StartEmulatorAsync();

        await Expect(page.Locator("#link-state")).ToHaveTextAsync("registered");
        await Expect(page.Locator("#link-since")).ToHaveTextAsync(new Regex(@"^for \d+ s$"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways on a phone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Support.DashboardPage.ArtifactPath("sensor-status-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task StatusPage_SensorPageServerRestarts_PageReconnectsByItself()
    {
        await using var harness = await SensorStatusPage.OpenAsync(output, 390, 844);
        var page = harness.Page;
        await harness.WaitLiveAsync();

        var port = await harness.StopStatusAsync();
        await Expect(page.Locator("#live")).ToHaveTextAsync("reconnecting…");
        await harness.StartStatusAsync(port);
        await harness.WriteLineAsync("22 1000000");

        await harness.WaitLiveAsync();
        await Expect(harness.Lane(2).Locator(".last")).ToHaveTextAsync("first crossing");
    }

    [Fact]
    public async Task StatusPage_WritesAndStrangeHosts_405And400AndJsonForGet()
    {
        await using var harness = await SensorStatusPage.OpenAsync(output, 800, 600);
        using var http = new HttpClient { BaseAddress = harness.Status!.Url };

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            foreach (var path in new[] { "/", "/api/status", "/api/events", "/nothing" })
            {
                using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent("{}") });
                Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path}: {response.StatusCode}");
                Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
            }
        }
        using (var rebinding = new HttpRequestMessage(HttpMethod.Get, "/api/status"))
        {
            rebinding.Headers.Host = "attacker.example";
            using var response = await http.SendAsync(rebinding);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("does not answer to the host name", body, StringComparison.Ordinal);
            Assert.Contains("attacker.example", body, StringComparison.Ordinal);
        }
        using (var crossSite = new HttpRequestMessage(HttpMethod.Get, "/api/status"))
        {
            crossSite.Headers.Add("Origin", "http://attacker.example");
            using var response = await http.SendAsync(crossSite);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        foreach (var host in new[] { "localhost", "127.0.0.1", System.Net.Dns.GetHostName().Split('.')[0] + ".local" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
            request.Headers.Host = $"{host}:{harness.Status.Url.Port}";
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Host {host}: {response.StatusCode}");
        }
        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/status"));
        var status = json.RootElement.GetProperty("status");
        Assert.Equal([1, 2], status.GetProperty("lanes").EnumerateArray().Select(l => l.GetProperty("lane").GetInt32()));
        Assert.Equal([21, 22, 23], status.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("pin").GetInt32()));
        Assert.Equal(harness.Emulator!.WebSocketUri.ToString(), status.GetProperty("server").GetString());
        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/status"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [GeneratedRegex(@"\blit\b")]
    private static partial Regex Lit();
}
