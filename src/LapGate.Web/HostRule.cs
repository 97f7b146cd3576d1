using System.Net;

namespace LapGate.Web;

/// <summary>Which <c>Host</c> header values reach the server: IP literals, <c>localhost</c>, this machine's names, the allowed ones.</summary>
internal sealed class HostRule
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase) { "localhost" };

    public HostRule(IEnumerable<string> allowed, IEnumerable<string> machineNames)
    {
        foreach (var name in allowed.Concat(machineNames))
        {
            if (Normalize(name) is { } normalized)
            {
                _names.Add(normalized);
            }
        }
    }

    /// <summary>This machine's host name and <c>NAME.local</c> (mDNS), as a browser on the LAN would address it.</summary>
    public static IEnumerable<string> MachineNames()
    {
        string name;
        try
        {
            name = Dns.GetHostName();
        }
        catch (System.Net.Sockets.SocketException)
        {
            yield break;
        }
        if (Normalize(name) is not { } host)
        {
            yield break;
        }
        yield return host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        var shortName = dot < 0 ? host : host[..dot];
        yield return shortName;
        yield return shortName + ".local";
    }

    /// <summary>True when <paramref name="host"/> (the Host header's host part, without port) may be served.</summary>
    public bool Allows(string host)
    {
        var bare = Unbracket(host).TrimEnd('.');
        if (bare.Length == 0)
        {
            return true;
        }
        return IPAddress.TryParse(bare, out _) || _names.Contains(bare);
    }

    /// <summary>The lower-case bare host name, or null when <paramref name="name"/> is not one (a scheme, port, path, space…).</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var bare = Unbracket(name.Trim()).TrimEnd('.');
        return Uri.CheckHostName(bare) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? bare.ToLowerInvariant()
            : null;
    }

    private static string Unbracket(string host) =>
        host.Length > 1 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
}
