using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace LapGate.Web;

/// <summary>
/// A page's files, embedded in the assembly that serves them (no build step, nothing from the network): the
/// emulator's dashboard and the sensor's status page, each with the files every page shares, which live once in
/// this project's <c>wwwroot</c> (the push connection <c>live.js</c> and the icon). The
/// list of files is the projects' embedded-resource wildcards alone: every file of the folders is read at start-up
/// from the embedded manifests into a table, and a request names a file only by looking it up in that table:
/// nothing from a URL is ever a path.
/// </summary>
public sealed class EmbeddedPageFiles
{
    private const string SecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly FrozenDictionary<string, (byte[] Content, string ContentType)> _files;

    private EmbeddedPageFiles(FrozenDictionary<string, (byte[] Content, string ContentType)> files) => _files = files;

    /// <summary>The file names, as the page links them.</summary>
    public IEnumerable<string> Names => _files.Keys;

    /// <summary>
    /// Reads every file embedded from <paramref name="folder"/> of <paramref name="assembly"/>'s project (which sets
    /// <c>GenerateEmbeddedFilesManifest</c>). <paramref name="page"/> names the page in a start-up error.
    /// </summary>
    public static EmbeddedPageFiles Load(Assembly assembly, string folder, string page) =>
        Load(new ManifestEmbeddedFileProvider(assembly, folder), page);

    /// <summary>
    /// Reads every file at the top of <paramref name="files"/>, and the shared files beside them. Fails at start-up on
    /// a type it cannot name, and on a page file named like a shared one (there is one of each).
    /// </summary>
    public static EmbeddedPageFiles Load(IFileProvider files, string page)
    {
        ArgumentNullException.ThrowIfNull(files);
        var table = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        var shared = Read(new ManifestEmbeddedFileProvider(typeof(EmbeddedPageFiles).Assembly, "wwwroot"), "shared page", table);
        foreach (var name in Read(files, page, table))
        {
            if (shared.Contains(name))
            {
                throw new InvalidOperationException($"{page} file {name} has the name of a file every LapGate page shares (src/LapGate.Web/wwwroot/{name}); use the shared one, or give this one another name");
            }
        }
        return new EmbeddedPageFiles(table.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Adds each file of <paramref name="files"/> to <paramref name="table"/> (a later one replaces) and names what it read.</summary>
    private static List<string> Read(IFileProvider files, string page, Dictionary<string, (byte[], string)> table)
    {
        var read = new List<string>();
        foreach (var file in files.GetDirectoryContents("/"))
        {
            if (file.IsDirectory)
            {
                continue;
            }
            if (!ContentTypes.TryGetContentType(file.Name, out var type))
            {
                throw new InvalidOperationException($"{page} file {file.Name} has a file type LapGate does not know how to serve; give it a usual extension (.html, .js, .css, .svg, …)");
            }
            using var stream = file.CreateReadStream();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            table[file.Name] = (memory.ToArray(), type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type);
            read.Add(file.Name);
        }
        return read;
    }

    /// <summary>True when <paramref name="name"/> is one of the files.</summary>
    public bool Contains(string? name) => name is not null && _files.ContainsKey(name);

    /// <summary>Writes the file, or 404 when <paramref name="name"/> is not one of them.</summary>
    public Task WriteAsync(HttpContext http, string? name)
    {
        ArgumentNullException.ThrowIfNull(http);
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
