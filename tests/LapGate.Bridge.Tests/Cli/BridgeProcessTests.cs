using System.Diagnostics;
using System.Text.RegularExpressions;

namespace LapGate.Bridge.Tests.Cli;

public partial class BridgeProcessTests
{
    [GeneratedRegex(@"bridge on (ws://\S+) ->")]
    private static partial Regex ListeningLine();

    [Fact]
    public async Task Bridge_RunningThenSigInt_ForwardsFramesThenStopsWithCompleteCaptureAndExit0()
    {
        using var temp = new TempDirectory();
        var capture = temp.File("race.jsonl");
        await using var app = new StandInApp(StandInScript.AsCaptured);
        var start = LapGate.TestSupport.LapgateCli.StartInfo("bridge", "--listen", "127.0.0.1:0", "--upstream", app.Url.ToString(), "--capture", capture);
        using var process = Process.Start(start)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            Match listening;
            do
            {
                var line = await process.StandardOutput.ReadLineAsync().Within();
                if (line is null)
                {
                    Assert.Fail("lapgate bridge ended early: " + await error.Within());
                }
                listening = ListeningLine().Match(line);
            }
            while (!listening.Success);
            var output = process.StandardOutput.ReadToEndAsync();

            using (var client = await TestClient.ConnectAsync(new Uri(listening.Groups[1].Value)))
            {
                var connection = await app.NextConnectionAsync();
                await client.SendTextAsync("""{"type":"api_version"}""");
                Assert.Equal("""{"type":"api_version"}""", await connection.ReceiveTextAsync());
                foreach (var reply in StandInScript.CaptureReplies)
                {
                    Assert.Equal(reply, await client.ReceiveTextAsync());
                }

                using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync().Within();
                }
                var close = await client.ReceiveAsync();
                Assert.Equal((1001, "bridge stopping"), (close.CloseCode, close.CloseReason));
                await client.Socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).Within();
            }
            await process.WaitForExitAsync().Within();

            Assert.Equal(0, process.ExitCode);
            Assert.Contains("#1 client→app", await output.Within(), StringComparison.Ordinal);
            var records = CaptureFile.Read(capture).Select(e => e.Record).ToList();
            Assert.Equal(CaptureNames.Open, records[0].Kind);
            Assert.Equal("""{"type":"api_version"}""", records[1].Text);
            Assert.Equal(CaptureNames.End, records[^1].Kind);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
