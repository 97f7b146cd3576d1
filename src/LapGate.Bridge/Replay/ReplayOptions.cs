using LapGate.Protocol.Codec;

namespace LapGate.Bridge.Replay;

/// <summary>Settings of <see cref="CaptureReplayer"/>; <see cref="ReplayOptionsValidator"/> checks them.</summary>
public sealed class ReplayOptions
{
    /// <summary>The WebSocket to replay against (ws:// or wss://).</summary>
    public Uri? Target { get; set; }

    /// <summary>Recorded pauses are divided by this (2 = twice as fast).</summary>
    public double Speed { get; set; } = 1;

    /// <summary>No pauses at all: each frame is sent as soon as the previous one is.</summary>
    public bool Fast { get; set; }

    /// <summary>Where sent and received frames are printed, or null.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>Clock for pacing and timeouts.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long to wait for the target's WebSocket handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the target's close reply.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest message accepted from the target.</summary>
    public int MaxMessageBytes { get; set; } = ProtocolLimits.MaxFrameBytes * 16;
}
