using System.Net.Sockets;
using System.Net.WebSockets;

namespace LapGate.Bridge.Forwarding;

/// <summary>Close codes and reasons the bridge sends itself, and readable causes of failures.</summary>
internal static class CloseReasons
{
    /// <summary>1014 Bad Gateway (RFC 6455 registry): the upstream failed or could not be reached.</summary>
    public const WebSocketCloseStatus BadGateway = (WebSocketCloseStatus)1014;

    /// <summary>A close reason may hold at most 123 UTF-8 bytes.</summary>
    public const int MaxReasonBytes = 123;

    /// <summary>The innermost useful message: "connection refused", "name or service not known", ….</summary>
    public static string Describe(Exception ex)
    {
        if (ex is OperationCanceledException)
        {
            return "timed out";
        }
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return Lower(socket.Message);
            }
        }
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        return Lower(inner.Message.TrimEnd('.'));
    }

    /// <summary>Cuts a reason to what a close frame can carry, on a character boundary.</summary>
    public static string Fit(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes)
        {
            return reason;
        }
        var length = reason.Length;
        while (length > 0 && Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxReasonBytes - 3)
        {
            length--;
        }
        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }
        return string.Concat(reason.AsSpan(0, length), "...");
    }

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}
