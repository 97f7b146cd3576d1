namespace LapGate.Dashboard.Tests;

/// <summary>The tracks and drivers page, and the track record on the live page.</summary>
public sealed class ManagePageTests(ITestOutputHelper output) : DashboardTest(output, "/manage")
{
    [Fact]
    public async Task ManagePage_AddTrackAndDrivers_StoredAndTheRecordShowsOnBothPages()
    {
        await Expect(Page.Locator("#drivers tbody tr")).ToHaveCountAsync(8);
        await Expect(Page.Locator("#drivers-source")).ToContainTextAsync("--drivers file");

        await Page.Locator("#track-name").FillAsync("Home ring");
        await Page.Locator("#track-min").FillAsync("2");
        await Page.Locator("#track-max").FillAsync("30");
        await Page.Locator("#track-add").ClickAsync();
        var row = Page.Locator("#tracks tbody tr").First;
        await Expect(row.Locator(".name")).ToHaveTextAsync("Home ring");
        await Expect(row.Locator(".min")).ToHaveTextAsync("2.000");
        await Expect(row.Locator(".record")).ToHaveTextAsync("–");

        await Page.Locator("#drivers tr[data-controller='5'] input[name='driver']").FillAsync("Ada");
        await Page.Locator("#drivers tr[data-controller='5'] input[name='car']").FillAsync("Porsche 917");
        await Page.Locator("#drivers-save").ClickAsync();
        await Expect(Page.Locator("#drivers-message")).ToContainTextAsync("Saved");
        var managed = Assert.Single(Race.DriversInfo().Managed);
        Assert.Equal(("Ada", "Porsche 917"), (managed.Driver, managed.Car));

        await Page.GotoAsync(new Uri(Dashboard.Emulator.HttpUri, "/").ToString());
        await Dashboard.WaitLiveAsync();
        await Page.Locator("#setup-track").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "Home ring" });
        await Page.Locator("input[name='mode'][value='open']").CheckAsync();
        await Page.Locator("#setup-apply").ClickAsync();
        await Expect(Page.Locator("#race-track")).ToHaveTextAsync("Home ring · no record yet");
        await Expect(Page.Locator("#race-limits")).ToHaveTextAsync("laps 2.000–30.000 s");
        await Page.Locator("#start").ClickAsync();
        await Expect(Page.Locator("#race-state")).ToHaveTextAsync("running");

        Race.ApplyLap(2, 1_000);
        Race.ApplyLap(2, 5_321);

        await Expect(Page.Locator("#race-track")).ToHaveTextAsync("Home ring · record 4.321 Bruno");
        await Page.GotoAsync(new Uri(Dashboard.Emulator.HttpUri, "/manage").ToString());
        await Expect(Page.Locator("#tracks tbody tr").First.Locator(".record")).ToHaveTextAsync("4.321");
        await Expect(Page.Locator("#tracks tbody tr").First.Locator(".driver")).ToHaveTextAsync("Bruno");
    }
}
