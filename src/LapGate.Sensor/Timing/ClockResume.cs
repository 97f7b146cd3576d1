namespace LapGate.Sensor.Timing;

/// <summary>How a <see cref="DeviceClock"/> made its mapping at its first device time.</summary>
public enum ClockResume
{
    /// <summary>Not anchored yet.</summary>
    None,

    /// <summary>No saved mapping (first run for this input, or no store): anchored at the arrival.</summary>
    NoSavedMapping,

    /// <summary>The saved mapping was reused: the device's counter evidently kept running.</summary>
    Resumed,

    /// <summary>The device time does not follow the saved one by the host time that passed: the device was reset or replaced.</summary>
    DeviceReset,

    /// <summary>Longer away than one counter wrap (about 71.6 min): it cannot be told whether the device was reset.</summary>
    TooLongAway,

    /// <summary>The host clock is earlier than at the saved checkpoint (clock stepped back): nothing can be checked.</summary>
    HostClockWentBack,
}
