using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace LapGate.Sensor.StatusPage;

/// <summary>
/// The status page's files, embedded in this assembly (nothing from the network, no build step). A request names
/// a file only by looking it up in this fixed table: nothing from a URL is ever a path.
/// </summary>
internal sealed class StatusAssets
{
    private const string ResourcePrefix = "LapGate.Sensor.StatusPage.";
    private const string SecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private static readonly (string Name, string ContentType)[] Files =
    [
        ("index.html", "text/html; charset=utf-8"),
        ("status.css", "text/css; charset=utf-8"),
        ("status.js", "text/javascript; charset=utf-8"),
        ("icon.svg", "image/svg+xml"),
    ];

    private readonly FrozenDictionary<string, (byte[] Content, string ContentType)> _files;

    private StatusAssets(FrozenDictionary<string, (byte[] Content, string ContentType)> files) => _files = files;

    /// <summary>Reads every file from the assembly's resources (fails at start-up if one is missing).</summary>
    public static StatusAssets Load()
    {
        var assembly = typeof(StatusAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var (name, type) in Files)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"status page file {name} is not embedded in {assembly.GetName().Name}");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files[name] = (memory.ToArray(), type);
        }
        return new StatusAssets(files.ToFrozenDictionary(StringComparer.Ordinal));
    }

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
