namespace LapGate.Sensor.Probing;

/// <summary>Ends a probe step with a classified failure.</summary>
internal sealed class ProbeFailedException(ProbeFailure failure, string detail, Exception? inner = null) : Exception(detail, inner)
{
    public ProbeFailure Failure { get; } = failure;
}
