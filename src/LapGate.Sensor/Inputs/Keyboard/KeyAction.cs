namespace LapGate.Sensor.Inputs.Keyboard;

/// <summary>What a key press does.</summary>
public enum KeyAction
{
    /// <summary>Not a key we use.</summary>
    None,

    /// <summary>Triggers a pin (a lap on a lane, or a START/STOP button).</summary>
    Trigger,

    /// <summary>Ends the input (q).</summary>
    Quit,
}
