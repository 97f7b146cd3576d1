using LapGate.Protocol.Codec;

namespace LapGate.Emulator.Race;

/// <summary>The <c>kind</c> strings of <see cref="Violation"/>.</summary>
public static class ViolationKinds
{
    /// <summary>An analog frame before <c>controller_set "Z"</c>.</summary>
    public const string NotRegistered = "not_registered";
    public const string UnknownType = "unknown_type";
    public const string InvalidJson = "invalid_json";
    public const string NotAnObject = "not_an_object";
    public const string MissingType = "missing_type";
    public const string MissingField = "missing_field";
    public const string InvalidField = "invalid_field";
    /// <summary>A controller id outside 1..8.</summary>
    public const string LaneOutOfRange = "lane_out_of_range";
    /// <summary>A frame over the limit (64 KiB); that client is closed with 1009.</summary>
    public const string TooLarge = "too_large";
    public const string BinaryFrame = "binary_frame";
    /// <summary>A lap whose timestamp is older than the controller's last crossing; not counted.</summary>
    public const string LapOutOfOrder = "lap_out_of_order";
    /// <summary>A frame the emulator understands but that does not belong on this side (e.g. an app→sensor type).</summary>
    public const string UnexpectedType = "unexpected_type";
    /// <summary><c>race_control</c> from a connection that did not register as the analog sensor <c>"Z"</c>; ignored.</summary>
    public const string NotAllowed = "not_allowed";
    /// <summary>No <c>api_version</c> within the handshake timeout; that connection is closed with 1008.</summary>
    public const string HandshakeTimeout = "handshake_timeout";

    /// <summary>The kind for a codec error.</summary>
    public static string From(ProtocolErrorKind kind) => kind switch
    {
        ProtocolErrorKind.InvalidJson => InvalidJson,
        ProtocolErrorKind.NotAnObject => NotAnObject,
        ProtocolErrorKind.MissingType => MissingType,
        ProtocolErrorKind.MissingField => MissingField,
        ProtocolErrorKind.TooLarge => TooLarge,
        _ => InvalidField,
    };
}
