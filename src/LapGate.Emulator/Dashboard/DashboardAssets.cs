using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace LapGate.Emulator.Dashboard;

/// <summary>
/// The dashboard's files, embedded in this assembly (no build step, nothing from the network). The list
/// of files is the csproj's wildcard alone: every file of <c>Dashboard/wwwroot</c> is read at start-up
/// from the embedded manifest into a table, and a request names a file only by looking it up in that
/// table: nothing from a URL is ever a path.
/// </summary>
internal sealed class DashboardAssets
{
    /// <summary>Where the files sit in the project (and so in the embedded manifest).</summary>
    public const string Root = "Dashboard/wwwroot";

    private const string SecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly FrozenDictionary<string, (byte[] Content, string ContentType)> _files;

    private DashboardAssets(FrozenDictionary<string, (byte[] Content, string ContentType)> files) => _files = files;

    /// <summary>The file names, as served under <c>/static/</c>.</summary>
    public IEnumerable<string> Names => _files.Keys;

    /// <summary>Reads every embedded dashboard file.</summary>
    public static DashboardAssets Load() => Load(new ManifestEmbeddedFileProvider(typeof(DashboardAssets).Assembly, Root));

    /// <summary>Reads every file at the top of <paramref name="files"/> (fails at start-up on a type it cannot name).</summary>
    public static DashboardAssets Load(IFileProvider files)
    {
        var table = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var file in files.GetDirectoryContents("/"))
        {
            if (file.IsDirectory)
            {
                continue;
            }
            if (!ContentTypes.TryGetContentType(file.Name, out var type))
            {
                throw new InvalidOperationException($"dashboard file {file.Name} has a file type the emulator does not know how to serve; give it a usual extension (.html, .js, .css, .svg, …)");
            }
            using var stream = file.CreateReadStream();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            table[file.Name] = (memory.ToArray(), type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type);
        }
        return new DashboardAssets(table.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>True when <paramref name="name"/> is one of the files.</summary>
    public bool Contains(string? name) => name is not null && _files.ContainsKey(name);

    /// <summary>Writes the file, or 404 when <paramref name="name"/> is not one of them.</summary>
    public Task WriteAsync(HttpContext http, string? name)
    {
        if (name is null || !_files.TryGetValue(name, out var file))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            http.Response.ContentType = "text/plain; charset=utf-8";
            return http.Response.WriteAsync("not found\n", http.RequestAborted);
        }
        http.Response.ContentType = file.ContentType;
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = SecurityPolicy;
        http.Response.ContentLength = file.Content.Length;
        return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : http.Response.Body.WriteAsync(file.Content, http.RequestAborted).AsTask();
    }
}
