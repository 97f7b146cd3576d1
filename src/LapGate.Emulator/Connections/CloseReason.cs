namespace LapGate.Emulator.Connections;

/// <summary>Why a connection's read loop ended.</summary>
internal enum CloseReason
{
    PeerClosed,
    Aborted,
    TooLarge,
    Fault,
    ServerStopping,
    HandshakeTimeout,
}
