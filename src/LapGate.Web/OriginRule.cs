namespace LapGate.Web;

/// <summary>Whether a request's <c>Origin</c> is the site it was sent to, or one the user allowed.</summary>
internal sealed class OriginRule
{
    private readonly HashSet<string> _allowed = new(StringComparer.Ordinal);

    public OriginRule(IEnumerable<string> allowed)
    {
        foreach (var origin in allowed)
        {
            if (Normalize(origin) is { } normalized)
            {
                _allowed.Add(normalized);
            }
        }
    }

    /// <summary>
    /// True when a request that carries <paramref name="origin"/> and was sent to <paramref name="scheme"/>://<paramref name="host"/>
    /// (the Host header, port included) comes from that same site, or from an allowed origin.
    /// </summary>
    public bool Allows(string origin, string scheme, string host)
    {
        if (Normalize(origin) is not { } given)
        {
            return false; // "null" (a sandboxed frame or a file:// page) or junk: not this site.
        }
        return _allowed.Contains(given) || (Uri.TryCreate($"{scheme}://{host}", UriKind.Absolute, out var target) && given == Key(target));
    }

    /// <summary><c>scheme://host:port</c> in lower case, or null when <paramref name="origin"/> is not an http(s) origin.</summary>
    public static string? Normalize(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || !Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return null;
        }
        return Key(uri);
    }

    private static string Key(Uri uri) =>
        string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.IdnHost.TrimEnd('.').ToLowerInvariant()}:{uri.Port}");
}
