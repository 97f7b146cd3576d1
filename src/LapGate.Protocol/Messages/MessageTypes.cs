namespace LapGate.Protocol.Messages;

/// <summary>The <c>type</c> strings of the SmartRace Connect protocol.</summary>
public static class MessageTypes
{
    public const string ApiVersion = "api_version";
    public const string ControllerSet = "controller_set";
    public const string AnalogLap = "analog_lap";
    public const string AnalogPitEnter = "analog_pit_enter";
    public const string AnalogPitLeave = "analog_pit_leave";
    public const string RaceControl = "race_control";
    public const string UpdateControllerData = "update_controller_data";
    public const string UpdateServerInfo = "update_server_info";
    public const string UpdateEventStatus = "update_event_status";
    public const string UpdateVscStatus = "update_vsc_status";
    public const string Reset = "reset";
    public const string UpdateFuel = "update_fuel";
    public const string UpdatePosition = "update_position";
}
