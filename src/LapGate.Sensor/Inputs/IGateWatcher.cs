namespace LapGate.Sensor.Inputs;

/// <summary>
/// Watches an input for the next gate to fire, for <c>lapgate setup</c> ("drive a car over the finish line now"):
/// on GPIO every free header pin, on a serial board whichever pin the board reports. Only what fires while
/// <see cref="WaitForGateAsync"/> waits counts.
/// </summary>
public interface IGateWatcher : IDisposable
{
    /// <summary>Raised when <see cref="WaitForGateAsync"/> listens (every pin open and watched).</summary>
    event EventHandler? Waiting;

    /// <summary>The pins watched, once open (GPIO), or empty when the board decides (serial).</summary>
    IReadOnlyList<int> Pins { get; }

    /// <summary>Waits for the first pin to fire that is not in <paramref name="ignore"/>.</summary>
    Task<GateSeen> WaitForGateAsync(IReadOnlySet<int> ignore, CancellationToken ct);
}

/// <summary>A pin that fired while a <see cref="IGateWatcher"/> waited.</summary>
/// <param name="Pin">The pin.</param>
/// <param name="ActiveHigh">GPIO: true when the line idles low and went high (so <c>"activeHigh": true</c>); null on a serial board.</param>
public sealed record GateSeen(int Pin, bool? ActiveHigh);
