using System.Net;
using Microsoft.AspNetCore.Http;

namespace LapGate.Sensor.StatusPage;

/// <summary>
/// Which <c>Host</c> headers the status page answers (a guard against DNS rebinding: a page on another site
/// cannot make a browser read this one through a name it controls). Accepted: IP literals, localhost, this
/// machine's name and NAME.local, and the names given with <c>--allowed-host</c>. Anything else gets 421.
/// </summary>
internal sealed class HostCheck
{
    private readonly HashSet<string> _names;

    public HostCheck(IEnumerable<string> allowed)
    {
        _names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost" };
        var machine = Environment.MachineName;
        if (machine.Length > 0)
        {
            _names.Add(machine);
            _names.Add(machine + ".local");
        }
        foreach (var name in allowed)
        {
            _names.Add(name.Trim().TrimEnd('.'));
        }
    }

    public bool Allows(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }
        var name = host.Host.TrimEnd('.');
        return IPAddress.TryParse(name.Trim('[', ']'), out _) || _names.Contains(name);
    }

    public async Task Middleware(HttpContext http, RequestDelegate next)
    {
        if (!Allows(http.Request.Host))
        {
            http.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(
                $"This sensor does not answer to the name \"{http.Request.Host.Host}\". Open it by its IP address or its name, or start it with --allowed-host {http.Request.Host.Host}.\n",
                http.RequestAborted).ConfigureAwait(false);
            return;
        }
        await next(http).ConfigureAwait(false);
    }
}
