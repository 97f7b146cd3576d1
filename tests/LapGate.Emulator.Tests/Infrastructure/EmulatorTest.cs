namespace LapGate.Emulator.Tests.Infrastructure;

/// <summary>
/// The start most emulator tests share: xunit makes a new instance per test, and this starts a fresh
/// <see cref="TestEmulator"/> with the default options (port 0, in-memory database) before the test and
/// disposes it after, which fails the test on an error the emulator logged. A test that needs other options
/// starts its own with <see cref="TestEmulator.StartAsync"/>.
/// </summary>
public abstract class EmulatorTest(ITestOutputHelper output) : IAsyncLifetime
{
    private TestEmulator? _emulator;

    protected ITestOutputHelper Output => output;

    protected TestEmulator Emulator => _emulator ?? throw new InvalidOperationException("the emulator starts before the test");

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync(output);

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
