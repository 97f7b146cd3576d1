using static Microsoft.Playwright.Assertions;

namespace LapGate.Dashboard.Tests;

/// <summary>The tracks and drivers page, and the track record on the live page.</summary>
public sealed class ManagePageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ManagePage_AddTrackAndDrivers_StoredAndTheRecordShowsOnBothPages()
    {
        await using var dashboard = await DashboardPage.OpenAsync(output, "/manage");
        var page = dashboard.Page;
        await Expect(page.Locator("#drivers tbody tr")).ToHaveCountAsync(8);
        await Expect(page.Locator("#drivers-source")).ToContainTextAsync("--drivers file");

        await page.Locator("#track-name").FillAsync("Home ring");
        await page.Locator("#track-min").FillAsync("2");
        await page.Locator("#track-max").FillAsync("30");
        await page.Locator("#track-add").ClickAsync();
        var row = page.Locator("#tracks tbody tr").First;
        await Expect(row.Locator(".name")).ToHaveTextAsync("Home ring");
        await Expect(row.Locator(".min")).ToHaveTextAsync("2.000");
        await Expect(row.Locator(".record")).ToHaveTextAsync("–");

        await page.Locator("#drivers tr[data-controller='5'] input[name='driver']").FillAsync("Ada");
        await page.Locator("#drivers tr[data-controller='5'] input[name='car']").FillAsync("Porsche 917");
        await page.Locator("#drivers-save").ClickAsync();
        await Expect(page.Locator("#drivers-message")).ToContainTextAsync("Saved");
        var managed = Assert.Single(dashboard.Emulator.Race.DriversInfo().Managed);
        Assert.Equal(("Ada", "Porsche 917"), (managed.Driver, managed.Car));

        await page.GotoAsync(new Uri(dashboard.Emulator.HttpUri, "/").ToString());
        await dashboard.WaitLiveAsync();
        await page.Locator("#setup-track").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Home ring" });
        await page.Locator("input[name='mode'][value='open']").CheckAsync();
        await page.Locator("#setup-apply").ClickAsync();
        await Expect(page.Locator("#race-track")).ToHaveTextAsync("Home ring · no record yet");
        await Expect(page.Locator("#race-limits")).ToHaveTextAsync("laps 2.000–30.000 s");
        await page.Locator("#start").ClickAsync();
        await Expect(page.Locator("#race-state")).ToHaveTextAsync("running");

        dashboard.Emulator.Race.ApplyLap(2, 1_000);
        dashboard.Emulator.Race.ApplyLap(2, 5_321);

        await Expect(page.Locator("#race-track")).ToHaveTextAsync("Home ring · record 4.321 Bruno");
        await page.GotoAsync(new Uri(dashboard.Emulator.HttpUri, "/manage").ToString());
        await Expect(page.Locator("#tracks tbody tr").First.Locator(".record")).ToHaveTextAsync("4.321");
        await Expect(page.Locator("#tracks tbody tr").First.Locator(".driver")).ToHaveTextAsync("Bruno");
    }
}
