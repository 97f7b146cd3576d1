namespace LapGate.Protocol.Codec;

/// <summary>What is wrong with a frame that could not be read.</summary>
public enum ProtocolErrorKind
{
    /// <summary>Not valid JSON (or not UTF-8).</summary>
    InvalidJson,
    /// <summary>Valid JSON, but not an object.</summary>
    NotAnObject,
    /// <summary>No <c>type</c> string.</summary>
    MissingType,
    /// <summary>A field the message type needs is absent.</summary>
    MissingField,
    /// <summary>A field is present but has the wrong kind of value.</summary>
    InvalidField,
    /// <summary>The frame is larger than the limit.</summary>
    TooLarge,
}
