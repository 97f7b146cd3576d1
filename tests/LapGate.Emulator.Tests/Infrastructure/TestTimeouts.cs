namespace LapGate.Emulator.Tests.Infrastructure;

/// <summary>Generous limits so a bug fails a test instead of hanging it.</summary>
public static class TestTimeouts
{
    public static readonly TimeSpan Signal = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan Process = TimeSpan.FromSeconds(60);
}
