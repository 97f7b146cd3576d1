namespace LapGate.Sensor.Inputs;

/// <summary>The line protocol on standard input (<c>--input stdin</c>); ends at end of input.</summary>
public sealed class StdinTriggerSource : LineTriggerSource
{
    public StdinTriggerSource(TimeProvider? timeProvider = null, ILogger? logger = null)
        : base(Console.In, "stdin", timeProvider, logger)
    {
    }
}
