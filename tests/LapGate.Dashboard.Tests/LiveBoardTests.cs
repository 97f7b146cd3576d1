using LapGate.Protocol.Formatting;
using LapGate.Protocol.Messages;

namespace LapGate.Dashboard.Tests;

/// <summary>Laps sent by a sensor over a real WebSocket show on the page, in a real Chromium.</summary>
public sealed class LiveBoardTests(ITestOutputHelper output) : DashboardTest(output)
{
    [Fact]
    public async Task FormatLapTime_InTheBrowser_SecondsUnderAMinuteMinutesAbove()
    {
        var formatted = await Page.EvaluateAsync<string[]>(
            "async () => [4321, 64321, 59999, 59999.6, 60000, 0, 600000, 3723456, null, undefined, NaN].map((await import('/static/format.js')).lapTime)");
        var gaps = await Page.EvaluateAsync<string[]>("""
            async () => [
              { position: 1, gapMs: 0, gapLaps: 0 },
              { position: 2, gapMs: 79, gapLaps: 0 },
              { position: 2, gapMs: 61234, gapLaps: 0 },
              { position: 3, gapMs: 500, gapLaps: 1 },
              { position: 4, gapMs: 900, gapLaps: 3 },
              { position: 5, gapMs: null, gapLaps: 0 },
            ].map((await import("/static/format.js")).gap)
            """);

        Assert.Equal(["4.321", "1:04.321", "59.999", "1:00.000", "1:00.000", "0.000", "10:00.000", "62:03.456", "–", "–", "–"], formatted);
        Assert.Equal(["–", "+0.079", "+1:01.234", "+1 lap", "+3 laps", "–"], gaps);
    }

    [Fact]
    public async Task Laps_FromASensor_ShowWithFormattedTimesColoursAndChart()
    {
        await Dashboard.WaitLiveAsync();
        await using var sensor = await Dashboard.ConnectSensorAsync();

        await sensor.LapAsync(1, 1_000);
        await sensor.LapAsync(2, 1_150);
        await sensor.LapAsync(1, 5_321);
        await sensor.LapAsync(2, 5_600);
        await sensor.LapAsync(1, 69_642);
        await sensor.SendAsync(new AnalogPitEnter(2));

        var ada = Dashboard.Row(1);
        await Expect(ada.Locator(".laps")).ToHaveTextAsync("2");
        await Expect(ada.Locator(".last")).ToHaveTextAsync("1:04.321");
        await Expect(ada.Locator(".best")).ToHaveTextAsync("4.321");
        await Expect(ada.Locator(".pos")).ToHaveTextAsync("1");
        await Expect(ada.Locator(".driver")).ToHaveTextAsync("Ada");
        await Expect(ada.Locator(".car")).ToHaveTextAsync("#1 · Porsche 917");
        await Expect(ada.Locator(".chip")).ToHaveCSSAsync("background-color", "rgb(200, 16, 46)");
        var bruno = Dashboard.Row(2);
        await Expect(bruno.Locator(".last")).ToHaveTextAsync("4.450");
        await Expect(bruno.Locator(".gap")).ToHaveTextAsync("+1 lap");
        await Expect(bruno.Locator(".pit")).ToContainTextAsync("IN PIT");
        await Expect(bruno.Locator(".stops")).ToHaveTextAsync("1");

        await Expect(Page.Locator("#chart g.series[data-controller='1'] .point")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#chart g.series[data-controller='2'] .point")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#chart g.series[data-controller='1'] circle.point[data-lap='1']")).ToHaveAttributeAsync("data-ms", "4321");
        // A lap far slower than the rest (here over a minute) is drawn clipped at the top edge.
        await Expect(Page.Locator("#chart g.series[data-controller='1'] .point.clipped[data-lap='2']")).ToHaveAttributeAsync("data-ms", "64321");
        await Expect(Page.Locator("#chart-legend")).ToContainTextAsync("Ada");
    }

    [Fact]
    public async Task ConnectionsPanel_SensorAndABadFrame_ListedWithAgeAndViolation()
    {
        await Dashboard.WaitLiveAsync();
        await using var sensor = await Dashboard.ConnectSensorAsync();

        await sensor.SendTextAsync("garbage");

        var row = Page.Locator("#connections tbody tr[data-connection='c1']");
        await Expect(row.Locator(".role")).ToHaveTextAsync("sensor");
        await Expect(row.Locator(".age")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+(\.\d)? (s|min)$"));
        await Expect(Page.Locator("#violations li")).ToContainTextAsync("invalid_json");
        await Expect(Page.Locator("#violation-count")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task PushConnection_Dropped_ShowsReconnectingThenRefreshesTheState()
    {
        await Dashboard.WaitLiveAsync();

        Assert.Equal(1, Dashboard.Emulator.DropLiveClients());
        await Expect(Page.Locator("#link")).ToHaveTextAsync("reconnecting…");
        await Expect(Page.Locator("body")).ToHaveClassAsync("stale");
        Race.ApplyLap(3, 10_000);
        Race.ApplyLap(3, 17_777);

        await Dashboard.WaitLiveAsync();
        await Expect(Dashboard.Row(3).Locator(".last")).ToHaveTextAsync("7.777");
        Assert.Equal(1, Dashboard.Emulator.LiveClientCount);
    }
}
