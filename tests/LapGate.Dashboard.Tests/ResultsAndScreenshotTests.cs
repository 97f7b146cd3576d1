using static Microsoft.Playwright.Assertions;

namespace LapGate.Dashboard.Tests;

/// <summary>The results pages of a finished session, and screenshots kept as test artifacts.</summary>
public sealed class ResultsAndScreenshotTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ResultsPage_FinishedSession_ShowsStandingsWinnerAndExports()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        var race = dashboard.Emulator.Race;
        race.Setup(LapGate.Emulator.Race.RaceSetup.ForLaps(2));
        race.Start();
        race.ApplyLap(1, 1_000);
        race.ApplyLap(2, 1_200);
        race.ApplyLap(1, 5_321);
        race.ApplyLap(2, 66_000);
        race.ApplyLap(1, 9_000);
        var session = race.Snapshot().Session;
        race.Reset();
        var page = dashboard.Page;

        await page.GotoAsync(new Uri(dashboard.Emulator.HttpUri, "/sessions").ToString());
        var listed = page.Locator($"#sessions tbody tr[data-session='{session}']");
        await Expect(listed).ToContainTextAsync("Ada");
        await Expect(listed).ToContainTextAsync("race to 2 laps");
        await listed.Locator($"a[href='/sessions/{session}']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(dashboard.Emulator.HttpUri, $"/sessions/{session}").ToString());
        await Expect(page.Locator("#winner-name")).ToHaveTextAsync("Ada");
        var ada = page.Locator("#results tbody tr[data-controller='1']");
        await Expect(ada.Locator(".pos")).ToHaveTextAsync("1");
        await Expect(ada.Locator(".best")).ToHaveTextAsync("3.679");
        await Expect(ada.Locator(".total")).ToHaveTextAsync("8.000");
        await Expect(page.Locator("#results tbody tr[data-controller='2'] .best")).ToHaveTextAsync("1:04.800");
        await Expect(page.Locator("#chart .point")).ToHaveCountAsync(3);
        await Expect(page.Locator("#csv-link")).ToHaveAttributeAsync("href", $"/api/sessions/{session}/results.csv");
        await Expect(page.Locator("#rejected-panel")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = DashboardPage.ArtifactPath("results.png"), FullPage = true });
        var csv = await page.EvaluateAsync<string>("() => fetch(document.getElementById('csv-link').href).then(r => r.text())");
        Assert.StartsWith("position,controller,driver", csv, StringComparison.Ordinal);
        Assert.Contains("1,1,Ada,Porsche 917,2,3679,3679,8000,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screenshot_RaceInProgress_WrittenForTvAndPhone()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var race = dashboard.Emulator.Race;
        race.Setup(LapGate.Emulator.Race.RaceSetup.ForLaps(20));
        race.Start();
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
                race.ApplyLap(i + 1, 1_722_773_100_000 + t);
            }
        }
        race.ApplyPitEnter(4);
        await using var sensor = await dashboard.ConnectSensorAsync();
        await Expect(dashboard.Row(1).Locator(".laps")).ToHaveTextAsync("6");
        await Expect(dashboard.Row(4).Locator(".pit")).ToContainTextAsync("IN PIT");
        await Expect(dashboard.Page.Locator("#connections tbody tr .role")).ToHaveTextAsync("sensor");
        await Expect(dashboard.Page.Locator("#race-progress")).ToHaveTextAsync("Lap 6 / 20");
        var page = dashboard.Page;

        var tv = DashboardPage.ArtifactPath("dashboard.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = tv, FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        var phone = DashboardPage.ArtifactPath("dashboard-phone.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = phone, FullPage = true });
        output.WriteLine($"screenshots: {tv} {phone}");

        Assert.True(new FileInfo(tv).Length > 10_000, "the TV screenshot is (nearly) empty");
        Assert.True(new FileInfo(phone).Length > 10_000, "the phone screenshot is (nearly) empty");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page is wider than a phone screen");
    }

    [Fact]
    public async Task LargeType_Toggled_BiggerTextAndRemembered()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output);
        await dashboard.WaitLiveAsync();
        var page = dashboard.Page;
        var normal = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");

        await page.Locator("#toggle-large").ClickAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync("large");
        var large = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)");
        await page.ReloadAsync();

        Assert.True(large > normal, $"large type {large}px is not bigger than {normal}px");
        await Expect(page.Locator("html")).ToHaveClassAsync("large");
    }
}
