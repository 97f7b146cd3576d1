namespace LapGate.Bridge.Events;

/// <summary>Who sent a frame through the bridge.</summary>
public enum FrameDirection
{
    /// <summary>From the sensor (the bridge's client) to the app.</summary>
    ClientToApp,

    /// <summary>From the app to the sensor.</summary>
    AppToClient,

    /// <summary>A close the bridge itself sent to the client (e.g. upstream unreachable).</summary>
    BridgeToClient,

    /// <summary>A close the bridge itself sent to the app (e.g. client vanished).</summary>
    BridgeToApp,
}
