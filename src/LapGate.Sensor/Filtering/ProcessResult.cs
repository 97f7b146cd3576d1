using LapGate.Sensor.Events;

namespace LapGate.Sensor.Filtering;

/// <summary>What <see cref="TriggerProcessor.Process"/> made of one trigger: events, or a rejection.</summary>
public readonly record struct ProcessResult(IReadOnlyList<SensorEvent> Events, RejectedTrigger? Rejected)
{
    public bool IsAccepted => Rejected is null;
}
