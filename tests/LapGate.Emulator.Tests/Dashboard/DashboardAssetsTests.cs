using LapGate.Web;
using LapGate.Emulator.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace LapGate.Emulator.Tests.Dashboard;

/// <summary>The dashboard's files under <c>/static/</c>, its own and those every page shares: the embedded folders are the only list of them.</summary>
public sealed class DashboardAssetsTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> TypeByExtension = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    [Fact]
    public async Task GetStatic_EveryEmbeddedFile_ServedWithItsTypeAndCachingHeaders()
    {
        await using var emulator = await TestEmulator.StartAsync(output);
        var own = Files(new ManifestEmbeddedFileProvider(typeof(DashboardAssets).Assembly, DashboardAssets.Root));
        var shared = Files(new ManifestEmbeddedFileProvider(typeof(EmbeddedPageFiles).Assembly, "wwwroot"));

        Assert.Superset(
            new HashSet<string>(["index.html", "results.html", "manage.html", "dashboard.css", "format.js", "control.js", "chart.js", "dashboard.js", "results.js", "manage.js"]),
            own.Select(f => f.Name).ToHashSet());
        Assert.Equal(["icon.svg", "live.js"], shared.Select(f => f.Name).Order(StringComparer.Ordinal));
        foreach (var file in own.Concat(shared))
        {
            using var response = await emulator.Http.GetAsync("static/" + file.Name);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file.Name}: {response.StatusCode}");
            Assert.Equal(TypeByExtension[Path.GetExtension(file.Name)], response.Content.Headers.ContentType?.ToString());
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Contains("script-src 'self'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.Equal(ReadAll(file), body);
        }
    }

    [Theory]
    [InlineData("static/nothing.js")]
    [InlineData("static/")]
    [InlineData("static/LapGate.Emulator.dll")]
    [InlineData("static/Dashboard%2Fwwwroot%2Findex.html")]
    [InlineData("static/.%2Findex.html")]
    [InlineData("api/sessions/999")]
    [InlineData("api/sessions/999/results.csv")]
    [InlineData("api/sessions/abc")]
    [InlineData("api/sessions/..%2F..%2Fetc%2Fpasswd/results.csv")]
    [InlineData("static/..%2Findex.html")]
    [InlineData("static/LapGate.Emulator.deps.json")]
    [InlineData("sessions/..%2Fapi")]
    public async Task Get_NotADashboardFileOrUnknownSession_404(string path)
    {
        await using var emulator = await TestEmulator.StartAsync(output);

        using var response = await emulator.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Load_AFileAddedToTheFolder_ServedWithoutBeingListedAnywhere()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File("added.js"), "export const added = 1;\n");
        using var files = new PhysicalFileProvider(folder.Path);
        var assets = EmbeddedPageFiles.Load(files, DashboardAssets.Page);

        var added = await ServeAsync(assets, "added.js");
        var missing = await ServeAsync(assets, "missing.js");

        Assert.Equal(StatusCodes.Status200OK, added.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", added.ContentType);
        Assert.Equal("no-cache", added.Headers.CacheControl.ToString());
        Assert.Equal("export const added = 1;\n", added.Body);
        Assert.Equal(StatusCodes.Status404NotFound, missing.StatusCode);
        Assert.Equal(["added.js", "icon.svg", "live.js"], assets.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("notes.lapgate-unknown",
        "dashboard file notes.lapgate-unknown has a file type LapGate does not know how to serve; give it a usual extension (.html, .js, .css, .svg, …)")]
    [InlineData("live.js",
        "dashboard file live.js has the name of a file every LapGate page shares (src/LapGate.Web/wwwroot/live.js); use the shared one, or give this one another name")]
    public async Task Load_AFileItCannotServe_RefusedAtStartNamingTheFile(string name, string expected)
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File(name), "export const x = 1;\n");
        using var files = new PhysicalFileProvider(folder.Path);

        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedPageFiles.Load(files, DashboardAssets.Page));

        Assert.Equal(expected, error.Message);
    }

    private static List<IFileInfo> Files(IFileProvider provider) => provider.GetDirectoryContents("/").Where(f => !f.IsDirectory).ToList();

    private static byte[] ReadAll(IFileInfo file)
    {
        using var stream = file.CreateReadStream();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static async Task<(int StatusCode, string? ContentType, IHeaderDictionary Headers, string Body)> ServeAsync(EmbeddedPageFiles assets, string name)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Get;
        using var body = new MemoryStream();
        http.Response.Body = body;
        await assets.WriteAsync(http, name);
        return (http.Response.StatusCode, http.Response.ContentType, http.Response.Headers, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }
}
