namespace LapGate.Protocol.Messages;

// Frames a sensor (or client) sends to the app.

/// <summary><c>{"type":"api_version"}</c>: the sensor asks for the app's api version; starts the handshake.</summary>
public sealed record ApiVersionRequest : Message
{
    public override string Type => MessageTypes.ApiVersion;
}

/// <summary>
/// <c>{"type":"controller_set","data":{"controller_id":"Z"}}</c>: <c>"Z"</c> registers an analog sensor;
/// <c>"1"</c>..<c>"8"</c> a client that follows one controller.
/// </summary>
public sealed record ControllerSet(string ControllerId) : Message
{
    /// <summary>The controller id that registers an analog sensor.</summary>
    public const string AnalogSensor = "Z";

    public override string Type => MessageTypes.ControllerSet;

    /// <summary>True when this registers an analog sensor.</summary>
    public bool IsAnalogSensor => ControllerId == AnalogSensor;
}

/// <summary><c>{"type":"analog_lap","data":{"timestamp":…,"controller_id":…}}</c>: a car crossed the finish line.</summary>
/// <param name="Timestamp">Milliseconds (the captures show Unix-epoch ms); lap times are differences of these.</param>
/// <param name="ControllerId">Lane / controller 1..8.</param>
public sealed record AnalogLap(long Timestamp, int ControllerId) : Message
{
    public override string Type => MessageTypes.AnalogLap;
}

/// <summary><c>{"type":"analog_pit_enter","data":{"controller_id":…}}</c>.</summary>
public sealed record AnalogPitEnter(int ControllerId) : Message
{
    public override string Type => MessageTypes.AnalogPitEnter;
}

/// <summary><c>{"type":"analog_pit_leave","data":{"controller_id":…}}</c>.</summary>
public sealed record AnalogPitLeave(int ControllerId) : Message
{
    public override string Type => MessageTypes.AnalogPitLeave;
}

/// <summary>
/// <c>{"type":"race_control","data":{"value":"start"}}</c>. Values seen in public clients: start, stop, vsc, esc.
/// Observed in the wild; not verified against the app.
/// </summary>
public sealed record RaceControl(string Value) : Message
{
    public const string Start = "start";
    public const string Stop = "stop";
    public const string Vsc = "vsc";
    public const string Esc = "esc";

    public override string Type => MessageTypes.RaceControl;
}
