namespace LapGate.Sensor.Events;

/// <summary>Why a trigger was not turned into an event.</summary>
public enum RejectReason
{
    /// <summary>Within the debounce time of the last accepted trigger on the same pin.</summary>
    Debounce,

    /// <summary>A lap shorter than the lane's minimum lap time.</summary>
    MinLapTime,

    /// <summary>The pin is not in the config.</summary>
    UnknownPin,

    /// <summary>The device time went back by less than a reset of the board would: the line is out of order.</summary>
    OutOfOrder,
}
