namespace LapGate.Faults.Tests.Support;

/// <summary>Waits on an emulator's race.</summary>
public static class RaceWait
{
    public static Task CrossingsAsync(EmulatorServer emulator, int crossings) =>
        Wait.UntilAsync(() => LapPlan.Crossings(emulator.Race.Snapshot()) >= crossings,
            h => emulator.Race.Changed += h, h => emulator.Race.Changed -= h, $"{crossings} crossings at the emulator");
}
