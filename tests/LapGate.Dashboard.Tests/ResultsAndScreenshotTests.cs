namespace LapGate.Dashboard.Tests;

/// <summary>The results pages of a finished session, and screenshots kept as test artifacts.</summary>
public sealed class ResultsAndScreenshotTests(ITestOutputHelper output) : DashboardTest(output)
{
    [Fact]
    public async Task ResultsPage_FinishedSession_ShowsStandingsWinnerAndExports()
    {
        Race.Setup(RaceSetup.ForLaps(2));
        Race.Start();
        Race.ApplyLap(1, 1_000);
        Race.ApplyLap(2, 1_200);
        Race.ApplyLap(1, 5_321);
        Race.ApplyLap(2, 66_000);
        Race.ApplyLap(1, 9_000);
        var session = Race.Snapshot().Session;
        Race.Reset();

        await Page.GotoAsync(new Uri(Dashboard.Emulator.HttpUri, "/sessions").ToString());
        var listed = Page.Locator($"#sessions tbody tr[data-session='{session}']");
        await Expect(listed).ToContainTextAsync("Ada");
        await Expect(listed).ToContainTextAsync("race to 2 laps");
        await listed.Locator($"a[href='/sessions/{session}']").ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Uri(Dashboard.Emulator.HttpUri, $"/sessions/{session}").ToString());
        await Expect(Page.Locator("#winner-name")).ToHaveTextAsync("Ada");
        var ada = Page.Locator("#results tbody tr[data-controller='1']");
        await Expect(ada.Locator(".pos")).ToHaveTextAsync("1");
        await Expect(ada.Locator(".best")).ToHaveTextAsync("3.679");
        await Expect(ada.Locator(".total")).ToHaveTextAsync("8.000");
        await Expect(Page.Locator("#results tbody tr[data-controller='2'] .best")).ToHaveTextAsync("1:04.800");
        await Expect(Page.Locator("#chart .point")).ToHaveCountAsync(3);
        await Expect(Page.Locator("#csv-link")).ToHaveAttributeAsync("href", $"/api/sessions/{session}/results.csv");
        await Expect(Page.Locator("#rejected-panel")).ToBeHiddenAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = DashboardPage.ArtifactPath("results.png"), FullPage = true });
        var csv = await Page.EvaluateAsync<string>("() => fetch(document.getElementById('csv-link').href).then(r => r.text())");
        Assert.StartsWith("position,controller,driver", csv, StringComparison.Ordinal);
        Assert.Contains("1,1,Ada,Porsche 917,2,3679,3679,8000,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screenshot_RaceInProgress_WrittenForTvAndPhone()
    {
        await Dashboard.WaitLiveAsync();
        Race.Setup(RaceSetup.ForLaps(20));
        Race.Start();
        long[][] laps =
        [
            [1000, 5210, 9380, 13490, 17650, 21790, 25911],
            [1100, 5390, 9612, 13850, 18071, 22290],
            [1250, 5601, 9990, 14304, 18700, 23010],
            [1400, 5900, 10450, 15010, 31230],
        ];
        for (var i = 0; i < laps.Length; i++)
        {
            foreach (var t in laps[i])
            {
                Race.ApplyLap(i + 1, 1_722_773_100_000 + t);
            }
        }
        Race.ApplyPitEnter(4);
        await using var sensor = await Dashboard.ConnectSensorAsync();
        await Expect(Dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("6");
        await Expect(Dashboard.Row(4).Locator(".pit")).ToContainTextAsync("IN PIT");
        await Expect(Page.Locator("#connections tbody tr .role")).ToHaveTextAsync("sensor");
        await Expect(Page.Locator("#race-progress")).ToHaveTextAsync("Lap 6 / 20");

        var tv = DashboardPage.ArtifactPath("dashboard.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = tv, FullPage = true });
        await Page.SetViewportSizeAsync(390, 844);
        var phone = DashboardPage.ArtifactPath("dashboard-phone.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = phone, FullPage = true });
        Output.WriteLine($"screenshots: {tv} {phone}");

        Assert.True(new FileInfo(tv).Length > 10_000, "the TV screenshot is (nearly) empty");
        Assert.True(new FileInfo(phone).Length > 10_000, "the phone screenshot is (nearly) empty");
        var overflow = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page is wider than a phone screen");
    }

    [Fact]
    public async Task LargeType_Toggled_BiggerTextAndRemembered()
    {
        await Dashboard.WaitLiveAsync();
        var normal = await Page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");

        await Page.Locator("#toggle-large").ClickAsync();
        await Expect(Page.Locator("html")).ToHaveClassAsync("large");
        var large = await Page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
        await Page.ReloadAsync();

        Assert.True(large > normal, $"large type {large}px is not bigger than {normal}px");
        await Expect(Page.Locator("html")).ToHaveClassAsync("large");
    }
}
