namespace LapGate.Sensor.Events;

/// <summary>A trigger the filters turned down, journaled with its reason.</summary>
public sealed record RejectedTrigger(int Pin, int? Lane, long TimestampMs, RejectReason Reason, string Detail, int? Line);
