namespace LapGate.Protocol.Messages;

// Frames the app sends to a sensor or client.

/// <summary>What the app knows of one controller: colours, driver and (api 7) car.</summary>
public sealed record ControllerInfo(string? Color, string? BackgroundColor, string? Driver, string? Car);

/// <summary>
/// <c>update_controller_data</c>: per controller id ("1".."6" in the captures) its colours, driver and car.
/// Ids are kept as the app sent them, in the app's order.
/// </summary>
public sealed record UpdateControllerData(IReadOnlyList<KeyValuePair<string, ControllerInfo>> Controllers) : Message
{
    public override string Type => MessageTypes.UpdateControllerData;

    /// <summary>The entry for a controller id, or null.</summary>
    public ControllerInfo? Find(string controllerId)
    {
        foreach (var (id, info) in Controllers)
        {
            if (id == controllerId)
            {
                return info;
            }
        }
        return null;
    }

    /// <summary>Structural equality over the entries (records compare lists by reference).</summary>
    public bool Equals(UpdateControllerData? other) =>
        other is not null && Controllers.SequenceEqual(other.Controllers);

    public override int GetHashCode() => Controllers.Count;
}

/// <summary><c>update_server_info</c>: <c>{"is_subscribed":false}</c> in the captures.</summary>
public sealed record UpdateServerInfo(bool IsSubscribed) : Message
{
    public override string Type => MessageTypes.UpdateServerInfo;
}

/// <summary><c>{"type":"api_version","data":{"api_version":7}}</c>: the app's reply (6 or 7 seen).</summary>
public sealed record ApiVersionReply(int ApiVersion) : Message
{
    public override string Type => MessageTypes.ApiVersion;
}

/// <summary><c>update_event_status</c>: data is a bare string (see <see cref="EventStatus"/>).</summary>
public sealed record UpdateEventStatus(string Status) : Message
{
    public override string Type => MessageTypes.UpdateEventStatus;
}

/// <summary>The event states the app sends in <c>update_event_status</c>.</summary>
public static class EventStatus
{
    public const string PrepareForStart = "prepare_for_start";
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Suspended = "suspended";
    public const string Ended = "ended";
}

/// <summary><c>reset</c>: the app reset the event. Any data is kept raw.</summary>
public sealed record Reset(string? DataJson = null) : Message
{
    public override string Type => MessageTypes.Reset;
}

/// <summary><c>update_vsc_status</c>: virtual safety car state; payload shape undocumented, kept raw.</summary>
public sealed record UpdateVscStatus(string? DataJson) : Message
{
    public override string Type => MessageTypes.UpdateVscStatus;
}

/// <summary><c>update_fuel</c>: fuel levels; payload shape undocumented, kept raw.</summary>
public sealed record UpdateFuel(string? DataJson) : Message
{
    public override string Type => MessageTypes.UpdateFuel;
}

/// <summary><c>update_position</c>: positions; payload shape undocumented, kept raw.</summary>
public sealed record UpdatePosition(string? DataJson) : Message
{
    public override string Type => MessageTypes.UpdatePosition;
}

/// <summary>A frame of a type the codec does not know, kept whole so nothing is lost.</summary>
public sealed record UnknownMessage(string UnknownType, string RawJson) : Message
{
    public override string Type => UnknownType;
}
