using LapGate.Bridge.Events;

namespace LapGate.Bridge.Capture;

/// <summary>The words used in capture files for kinds and directions.</summary>
public static class CaptureNames
{
    public const string Open = "open";
    public const string Text = "text";
    public const string Binary = "binary";
    public const string Close = "close";
    public const string End = "end";

    public const string ClientToApp = "client->app";
    public const string AppToClient = "app->client";
    public const string BridgeToClient = "bridge->client";
    public const string BridgeToApp = "bridge->app";

    /// <summary>The capture word for a kind.</summary>
    public static string Of(BridgeEventKind kind) => kind switch
    {
        BridgeEventKind.Open => Open,
        BridgeEventKind.Text => Text,
        BridgeEventKind.Binary => Binary,
        BridgeEventKind.Close => Close,
        _ => End,
    };

    /// <summary>The capture word for a direction.</summary>
    public static string Of(FrameDirection direction) => direction switch
    {
        FrameDirection.ClientToApp => ClientToApp,
        FrameDirection.AppToClient => AppToClient,
        FrameDirection.BridgeToClient => BridgeToClient,
        _ => BridgeToApp,
    };

    /// <summary>The console label for a direction.</summary>
    public static string Arrow(FrameDirection direction) => direction switch
    {
        FrameDirection.ClientToApp => "client→app",
        FrameDirection.AppToClient => "app→client",
        FrameDirection.BridgeToClient => "bridge→client",
        _ => "bridge→app",
    };
}
