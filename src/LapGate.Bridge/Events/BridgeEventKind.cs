namespace LapGate.Bridge.Events;

/// <summary>What a <see cref="BridgeEvent"/> records.</summary>
public enum BridgeEventKind
{
    /// <summary>A client connected.</summary>
    Open,

    /// <summary>A text frame.</summary>
    Text,

    /// <summary>A binary frame.</summary>
    Binary,

    /// <summary>A close frame (with code and reason).</summary>
    Close,

    /// <summary>The connection is over on both sides (with an error when it failed).</summary>
    End,
}
