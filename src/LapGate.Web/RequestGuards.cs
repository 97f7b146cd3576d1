using Microsoft.AspNetCore.Builder;

namespace LapGate.Web;

/// <summary>
/// The request guards every LapGate HTTP server puts in front of its endpoints, so that a web page the user
/// happens to visit can neither reach nor change a race through the user's browser.
/// <para>
/// The whole API: <c>app.UseRequestGuards(options, logger)</c>, called before <c>UseWebSockets</c> and the endpoints,
/// with a <see cref="RequestGuardOptions"/> checked by <see cref="RequestGuardOptionsValidator"/>. In order, for each request:
/// </para>
/// <list type="number">
/// <item><b>Host</b> (against DNS rebinding): the <c>Host</c> header must be an IP literal, <c>localhost</c>, this
/// machine's host name or <c>NAME.local</c>, or one of <see cref="RequestGuardOptions.AllowedHosts"/>; else 400.
/// A request without a Host header (HTTP/1.0) passes: a browser always sends one.</item>
/// <item><b>Origin</b> (against cross-site requests and WebSockets): a request whose <c>Origin</c> names another site
/// than the Host it was sent to is answered 403, unless that origin is in <see cref="RequestGuardOptions.AllowedOrigins"/>.
/// No Origin is fine (a sensor, the app, curl); a page's own requests carry its own origin.</item>
/// <item><b>JSON-only changes</b> (against form and text/plain posts, which need no CORS preflight): every request that is
/// not GET, HEAD, OPTIONS or TRACE must say <c>Content-Type: application/json</c>; else 415.</item>
/// </list>
/// Every refusal is one log line (<see cref="GuardLog"/>) and a JSON body <c>{"error":"…"}</c> saying what to change.
/// </summary>
public static class RequestGuards
{
    /// <summary>Adds the three guards. <paramref name="options"/> must be valid (see <see cref="RequestGuardOptionsValidator"/>).</summary>
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app, RequestGuardOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        RequestGuardOptionsValidator.ThrowIfInvalid(options);
        var hosts = new HostRule(options.AllowedHosts, HostRule.MachineNames());
        var origins = new OriginRule(options.AllowedOrigins);
        var guard = new RequestGuard(hosts, origins, options, logger);
        return app.Use(guard.InvokeAsync);
    }
}
