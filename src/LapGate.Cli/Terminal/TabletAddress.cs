namespace LapGate.Cli.Terminal;

/// <summary>The tablet's address as a person types it (for <c>lapgate probe</c> and <c>lapgate setup</c>).</summary>
internal static class TabletAddress
{
    /// <summary>Smartrace Connect's port, used when the address names none.</summary>
    public const int DefaultPort = 50780;

    /// <summary><c>ws://h:p</c> as given; <c>h</c> or <c>h:p</c> become <c>ws://h:p/</c> (port 50780 when absent).</summary>
    public static Uri? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "ws://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss") || uri.Host.Length == 0)
        {
            return null;
        }
        if (uri.IsDefaultPort && !text.Contains(":" + uri.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            uri = new UriBuilder(uri) { Port = DefaultPort }.Uri;
        }
        return uri;
    }
}
