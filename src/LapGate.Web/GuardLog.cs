namespace LapGate.Web;

/// <summary>One warning per refused request (source-generated logging).</summary>
internal static partial class GuardLog
{
    [LoggerMessage(1, LogLevel.Warning, "refused {Method} {Path}: Host \"{Host}\" is not this machine (answered 400)")]
    public static partial void HostRefused(ILogger logger, string host, string method, string path);

    [LoggerMessage(2, LogLevel.Warning, "refused {Method} {Path}: Origin {Origin} is another site than {Host} (answered 403)")]
    public static partial void OriginRefused(ILogger logger, string origin, string method, string path, string host);

    [LoggerMessage(3, LogLevel.Warning, "refused {Method} {Path}: Content-Type {ContentType} is not application/json (answered 415)")]
    public static partial void NotJson(ILogger logger, string method, string path, string contentType);
}
