namespace LapGate.Protocol.Tests;

public class CaptureFramesTests
{
    public static TheoryData<string> Captures => new() { "api-v6-session.txt", "api-v7-session.txt" };

    [Theory]
    [MemberData(nameof(Captures))]
    public void Parse_EveryCapturedFrame_GivesAKnownRecord(string capture)
    {
        var frames = CaptureTranscript.FullOutput(capture).Concat(CaptureTranscript.Summary(capture)).ToList();
        Assert.True(frames.Count >= 18, $"expected the whole session, read {frames.Count} frames");
        foreach (var frame in frames)
        {
            var message = MessageCodec.Parse(frame.Text);
            Assert.IsNotType<UnknownMessage>(message);
            if (frame.Direction == CaptureDirection.SensorToApp)
            {
                Assert.True(message is ApiVersionRequest or ControllerSet or AnalogLap or AnalogPitEnter or AnalogPitLeave,
                    $"line {frame.Line}: sensor frame read as {message.GetType().Name}");
            }
            else
            {
                Assert.True(message is UpdateControllerData or UpdateServerInfo or ApiVersionReply,
                    $"line {frame.Line}: app frame read as {message.GetType().Name}");
            }
        }
    }

    [Fact]
    public void Parse_V6FullSession_GivesTheExactSequence()
    {
        var messages = CaptureTranscript.FullOutput("api-v6-session.txt").Select(f => MessageCodec.Parse(f.Text)).ToList();

        Assert.IsType<ApiVersionRequest>(messages[0]);
        var controllers = Assert.IsType<UpdateControllerData>(messages[1]);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], controllers.Controllers.Select(c => c.Key));
        Assert.Equal(new ControllerInfo("rgb(0, 0, 0)", "rgb(28, 237, 175)", "Gigi", null), controllers.Find("1"));
        Assert.Equal(new ControllerInfo("black", "rgb(254, 249, 17)", "Diogo", null), controllers.Find("2"));
        Assert.Equal("Non assegnato", controllers.Find("6")!.Driver);
        Assert.Equal(new UpdateServerInfo(false), messages[2]);
        Assert.Equal(new ApiVersionReply(6), messages[3]);
        Assert.Equal(new ControllerSet("Z"), messages[4]);
        Assert.True(((ControllerSet)messages[4]).IsAnalogSensor);
        Assert.Equal(new AnalogLap(1722773108999, 2), messages[5]);
        Assert.Equal(new AnalogLap(1722773109119, 1), messages[6]);
        Assert.Equal(new AnalogPitEnter(2), messages[7]);
        Assert.Equal(new AnalogPitLeave(2), messages[8]);
        Assert.Equal(
            [new AnalogLap(1722773112733, 2), new AnalogLap(1722773112764, 1), new AnalogLap(1722773115457, 2),
             new AnalogLap(1722773115528, 1), new AnalogLap(1722773128339, 1), new AnalogLap(1722773128345, 2)],
            messages.Skip(9).Cast<AnalogLap>());
    }

    [Fact]
    public void Parse_V7Summary_ReadsCarsAndVersion7()
    {
        var messages = CaptureTranscript.Summary("api-v7-session.txt").Select(f => MessageCodec.Parse(f.Text)).ToList();

        var controllers = Assert.IsType<UpdateControllerData>(messages[1]);
        Assert.Equal(new ControllerInfo("rgb(0, 0, 0)", "rgb(28, 237, 175)", "Gigi", "BMW M4"), controllers.Find("1"));
        Assert.Equal("Ferrari 488", controllers.Find("2")!.Car);
        Assert.Equal("Non assegnato", controllers.Find("3")!.Car);
        Assert.Equal(new ApiVersionReply(7), messages[3]);
    }

    [Fact]
    public void Serialize_CapturedSensorFrames_AreByteIdenticalToTheCapture()
    {
        var sensorFrames = CaptureTranscript.FullOutput("api-v7-session.txt")
            .Where(f => f.Direction == CaptureDirection.SensorToApp && !f.Text.Contains('\n', StringComparison.Ordinal));
        foreach (var frame in sensorFrames)
        {
            Assert.Equal(frame.Text, MessageCodec.Serialize(MessageCodec.Parse(frame.Text)));
        }
    }
}
