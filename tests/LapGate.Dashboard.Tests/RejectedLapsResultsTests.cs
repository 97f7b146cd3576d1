namespace LapGate.Dashboard.Tests;

/// <summary>Rejected laps on a past session's results page and in its CSV, with their reasons in words.</summary>
public sealed class RejectedLapsResultsTests(ITestOutputHelper output) : DashboardTest(output)
{
    [Fact]
    public async Task FormatRejectReason_InTheBrowser_EveryReasonInWords()
    {
        var words = await Page.EvaluateAsync<string[]>("""
            async () => [
              { reason: "before_start", limitMs: 0 },
              { reason: "too_short", limitMs: 2000 },
              { reason: "too_long", limitMs: 64321 },
              { reason: "after_finish", limitMs: 0 },
              { reason: "toString", limitMs: 0 },
            ].map((await import("/static/format.js")).rejectReason)
            """);

        Assert.Equal(["before the start", "at or below the minimum (2.000)", "above the maximum (1:04.321)", "after the finish", "toString"], words);
    }

    [Fact]
    public async Task ResultsPage_RejectedLaps_ListedWithTheirReasonAndInTheCsv()
    {
        Race.Setup(RaceSetup.ForLaps(3) with { MinLapMs = 2000, MaxLapMs = 20_000 });
        Race.Start();
        Race.ApplyLap(1, 1_000);
        Race.ApplyLap(2, 1_200);
        Race.ApplyLap(2, 2_700);     // 1.5 s: too short
        Race.ApplyLap(1, 5_321);
        Race.ApplyLap(2, 5_900);
        Race.ApplyLap(2, 31_900);    // 26 s: too long
        var session = Race.Snapshot().Session;
        Race.Reset();

        await Page.GotoAsync(new Uri(Dashboard.Emulator.HttpUri, $"/sessions/{session}").ToString());

        await Expect(Page.Locator("#rejected-count")).ToHaveTextAsync("2");
        var rows = Page.Locator("#rejected tbody tr");
        await Expect(rows.First).ToBeHiddenAsync();   // collapsed under the standings
        await Page.Locator("#rejected-panel summary").ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToHaveTextAsync("Bruno1.500at or below the minimum (2.000)2700");
        await Expect(rows.Nth(1).Locator(".reason")).ToHaveTextAsync("above the maximum (20.000)");
        await Expect(rows.Nth(1).Locator(".lap")).ToHaveTextAsync("26.000");
        await Expect(Page.Locator("#results tbody tr[data-controller='2'] .laps")).ToHaveTextAsync("1");

        var csv = await Page.EvaluateAsync<string>("() => fetch(document.getElementById('csv-link').href).then(r => r.text())");
        Assert.Contains("\r\n\r\nrejected_controller,driver,car,crossing_timestamp_ms,lap_ms,reason,limit_ms,why\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n2,Bruno,Ferrari 312,2700,1500,too_short,2000,at or below the minimum (2.000)\r\n", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n2,Bruno,Ferrari 312,31900,26000,too_long,20000,above the maximum (20.000)\r\n", csv, StringComparison.Ordinal);

        await Page.SetViewportSizeAsync(390, 844);
        await Expect(rows.Nth(0).Locator(".crossing")).ToBeHiddenAsync();
        await Expect(rows.Nth(0).Locator(".reason")).ToBeVisibleAsync();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = DashboardPage.ArtifactPath("results-rejected-phone.png"), FullPage = true });
    }
}
