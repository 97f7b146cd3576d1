using LapGate.Sensor.Config;
using LapGate.Sensor.Inputs;
using LapGate.Sensor.Inputs.Gpio;
using LapGate.Sensor.Inputs.Keyboard;
using LapGate.Sensor.Inputs.Serial;

namespace LapGate.Cli.Sensor;

/// <summary>Makes the trigger source an <see cref="InputSpec"/> names.</summary>
internal static class InputFactory
{
    public static ITriggerSource Create(InputSpec input, SensorConfig config, int? laps, ILogger logger) => input.Kind switch
    {
        InputKind.Simulate => new SimulatedTrack(new SimulatorOptions
        {
            Cars = Math.Clamp(SimulatedTrack.RaceLanes(config).Count, 1, 8),
            Laps = laps,
            Config = config,
            Seed = Environment.TickCount,
        }),
        InputKind.Keyboard => new KeyboardTriggerSource(config),
        InputKind.Gpio => new GpioTriggerSource(config, () => GpioDriverSelector.Create(input.GpioChip), $"gpio:{input.GpioChip}", logger: logger),
        InputKind.Serial => new SerialTriggerSource(input.Serial!, logger: logger),
        _ => new StdinTriggerSource(logger: logger),
    };

    /// <summary>An input's failure to open, with the flag that picks another GPIO chip when that is the cure.</summary>
    public static string Explain(InputOpenException error) =>
        error.Message.Contains(GpioDriverSelector.ChipHint, StringComparison.Ordinal)
            ? error.Message + " Choose the chip with --input gpio:N."
            : error.Message;
}
