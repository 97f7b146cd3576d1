using System.Net;
using System.Net.Sockets;
using LapGate.Cli.Commands;
using LapGate.Cli.Terminal;
using LapGate.Emulator;
using LapGate.Emulator.Faults;
using LapGate.Emulator.Hosting;
using LapGate.Sensor.Probing;
using Microsoft.Extensions.Time.Testing;

namespace LapGate.Cli.Tests;

public class ProbeTests
{
    [Fact]
    public async Task RunAsync_AgainstTheEmulator_ReportsVersionDriversAndRoundTripsWithoutRegistering()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, ApiVersion = 6 });

        var result = await AppProbe.RunAsync(emulator.WebSocketUri, new ProbeOptions { Samples = 4 }).Within();

        Assert.True(result.Success, result.Detail);
        Assert.Equal(6, result.ApiVersion);
        Assert.Equal(["update_controller_data", "update_server_info", "api_version"], result.HandshakeFrames);
        Assert.False(result.IsSubscribed);
        Assert.Equal("BMW M4", result.Controllers!.Find("1")!.Car);
        Assert.Equal(6, result.Controllers.Controllers.Count);
        Assert.Equal(4, result.RoundTrips.Count);
        Assert.True(result.MedianRoundTrip <= result.WorstRoundTrip);
        Assert.False(result.Registered);
        Assert.DoesNotContain(emulator.Connections(), c => c.Role == "sensor");
        Assert.Empty(emulator.Race.Snapshot().Violations);
    }

    [Fact]
    public async Task RunAsync_NothingListening_FailsWithTheNothingListeningHint()
    {
        var port = FreePort();

        var result = await AppProbe.RunAsync(new Uri($"ws://127.0.0.1:{port}/"), new ProbeOptions()).Within();

        Assert.Equal(ProbeFailure.NothingListening, result.Failure);
        Assert.Contains($"nothing listens on port {port}", result.Hint, StringComparison.Ordinal);
        Assert.Null(result.ApiVersion);
    }

    [Fact]
    public async Task RunAsync_PortServesPlainHttp_FailsAsNotWebSocket()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0 });

        var result = await AppProbe.RunAsync(new Uri(emulator.WebSocketUri, "/api/race"), new ProbeOptions()).Within();

        Assert.Equal(ProbeFailure.NotWebSocket, result.Failure);
        Assert.Contains("not Smartrace Connect", result.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AppIgnoresTheHandshake_FailsAfterTheTimeoutWithHandshakeHint()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Faults = new FaultOptions { IgnoreHandshake = true } });
        var clock = new FakeTimeProvider();
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new ProbeOptions
        {
            TimeProvider = clock,
            Timeout = TimeSpan.FromSeconds(3),
            OnStep = step => { if (step == ProbeStep.Handshaking) { waiting.TrySetResult(); } },
        };

        var probe = AppProbe.RunAsync(emulator.WebSocketUri, options);
        await waiting.Task.Within();
        clock.Advance(TimeSpan.FromSeconds(3));
        var result = await probe.Within();

        Assert.Equal(ProbeFailure.NoHandshakeReply, result.Failure);
        Assert.Contains("no api_version reply within 3 s", result.Detail, StringComparison.Ordinal);
        Assert.Contains("select the analog sensor", result.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Register_RegistersAsTheAnalogSensor()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0 });

        var result = await AppProbe.RunAsync(emulator.WebSocketUri, new ProbeOptions { Samples = 1, Register = true }).Within();

        Assert.True(result.Success, result.Detail);
        Assert.True(result.Registered);
    }

    [Theory]
    [InlineData("ws://192.168.1.20:50780", "ws://192.168.1.20:50780/")]
    [InlineData("192.168.1.20", "ws://192.168.1.20:50780/")]
    [InlineData("tablet.local:50781", "ws://tablet.local:50781/")]
    [InlineData("ws://127.0.0.1", "ws://127.0.0.1:50780/")]
    [InlineData("ws://127.0.0.1:80", "ws://127.0.0.1:80/")]
    public void TabletAddressParse_CommonForms_GiveAWebSocketUri(string text, string expected)
    {
        Assert.Equal(new Uri(expected), TabletAddress.Parse(text));
    }

    [Theory]
    [InlineData("http://127.0.0.1:50780")]
    [InlineData("ws://")]
    public void TabletAddressParse_NotAWebSocketAddress_IsNull(string text)
    {
        Assert.Null(TabletAddress.Parse(text));
    }

    [Fact]
    public async Task ProbeCommand_NothingListening_PrintsHintAndExitsOne()
    {
        var port = FreePort();

        var (exitCode, output, _) = await LapgateCli.RunAsync("probe", $"127.0.0.1:{port}");

        Assert.Equal(1, exitCode);
        Assert.Contains("FAILED (NothingListening)", output, StringComparison.Ordinal);
        Assert.Contains("Hint: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeCommand_AgainstTheEmulator_PrintsTheReportAndExitsZero()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0 });

        var (exitCode, output, error) = await LapgateCli.RunAsync("probe", emulator.WebSocketUri.ToString(), "--samples", "3");

        Assert.True(exitCode == 0, output + error);
        Assert.Contains("Handshake          ok: api version 7", output, StringComparison.Ordinal);
        Assert.Contains("Round trip         median ", output, StringComparison.Ordinal);
        Assert.Contains("(3 samples)", output, StringComparison.Ordinal);
        Assert.Contains("OK: the app answers.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeCommand_BadSamplesAndTimeout_ExitsTwoNamingEachFlag()
    {
        var (exitCode, _, error) = await LapgateCli.RunAsync("probe", "ws://127.0.0.1:9", "--samples", "0", "--timeout", "61");

        Assert.Equal(2, exitCode);
        Assert.Equal(["--samples: 0 must be 1..50", "--timeout: 61 s must be more than 0 and at most 60 s"], error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
