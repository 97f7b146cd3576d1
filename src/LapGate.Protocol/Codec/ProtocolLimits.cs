namespace LapGate.Protocol.Codec;

/// <summary>Size limits shared by every LapGate endpoint.</summary>
public static class ProtocolLimits
{
    /// <summary>Largest frame any LapGate endpoint accepts (64 KiB). Real frames are under 1 KiB.</summary>
    public const int MaxFrameBytes = 64 * 1024;
}
