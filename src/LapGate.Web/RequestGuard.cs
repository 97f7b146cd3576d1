using System.Text.Encodings.Web;
using Microsoft.Net.Http.Headers;

namespace LapGate.Web;

/// <summary>The middleware behind <see cref="RequestGuards.UseRequestGuards"/>: Host, then Origin, then JSON-only changes.</summary>
internal sealed class RequestGuard(HostRule hosts, OriginRule origins, RequestGuardOptions options, ILogger logger)
{
    public Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var request = http.Request;
        var host = request.Host;
        if (host.HasValue && !hosts.Allows(host.Host))
        {
            GuardLog.HostRefused(logger, host.Value, request.Method, request.Path.Value ?? "/");
            return RefuseAsync(http, StatusCodes.Status400BadRequest,
                $"this server does not answer to the host name \"{host.Host}\": use its IP address, localhost or this machine's name, " +
                $"or {options.HowToAllowHost}");
        }
        if (request.Headers.Origin is [{ } origin, ..] && !origins.Allows(origin, request.Scheme, host.Value ?? ""))
        {
            GuardLog.OriginRefused(logger, origin, request.Method, request.Path.Value ?? "/", host.Value ?? "(none)");
            return RefuseAsync(http, StatusCodes.Status403Forbidden,
                $"requests from pages of another site ({origin}) are refused: open this server's own page, " +
                $"or {options.HowToAllowOrigin} for a page you trust");
        }
        if (ChangesState(request.Method) && !IsJson(request.ContentType))
        {
            GuardLog.NotJson(logger, request.Method, request.Path.Value ?? "/", request.ContentType ?? "(none)");
            return RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType,
                $"{request.Method} {request.Path}: send the body as JSON with the header 'Content-Type: application/json' " +
                $"(got {(request.ContentType is { Length: > 0 } type ? $"'{type}'" : "no Content-Type")})");
        }
        return next(http);
    }

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers <paramref name="status"/> with <c>{"error":"…"}</c> .</summary>
    private static async Task RefuseAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new MemoryStream();
        await using (var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteEndObject();
        }
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), http.RequestAborted).ConfigureAwait(false);
    }
}
