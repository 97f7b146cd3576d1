namespace LapGate.Dashboard.Tests;

/// <summary>Each page's scripts are ES modules that import what they use and leave nothing on <c>window</c>.</summary>
public sealed class PageScriptsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/sessions")]
    [InlineData("/manage")]
    public async Task Page_Scripts_ModulesThatShareNoGlobals(string path)
    {
        await using var dashboard = await DashboardPage.OpenAsync(output, path);

        var plainScripts = await dashboard.Page.EvaluateAsync<int>("() => document.querySelectorAll('script:not([type=module])').length");
        var globals = await dashboard.Page.EvaluateAsync<string[]>(
            "() => ['LapGateFormat', 'LapChart', 'LapGateControl', 'LiveConnection'].filter((name) => name in window)");

        Assert.Equal(0, plainScripts);
        Assert.Empty(globals);
    }
}
