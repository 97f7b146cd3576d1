namespace LapGate.Protocol.Messages;

/// <summary>
/// One SmartRace Connect frame: <c>{"type":"…","data":…}</c>. Each wire type is one sealed record;
/// anything the codec does not know is kept as an <see cref="UnknownMessage"/> with its raw JSON.
/// </summary>
public abstract record Message
{
    /// <summary>The value of the frame's <c>type</c> field.</summary>
    public abstract string Type { get; }
}
