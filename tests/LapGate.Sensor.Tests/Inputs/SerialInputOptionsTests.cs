using LapGate.Sensor.Inputs.Serial;

namespace LapGate.Sensor.Tests.Inputs;

public class SerialInputOptionsTests
{
    [Theory]
    [InlineData("/dev/ttyACM0", "/dev/ttyACM0", 115200)]
    [InlineData("/dev/ttyUSB0@57600", "/dev/ttyUSB0", 57600)]
    [InlineData("/dev/serial/by-id/usb-Arduino@1@9600", "/dev/serial/by-id/usb-Arduino@1", 9600)]
    public void TryParse_PathAndBaud_Parsed(string text, string path, int baud)
    {
        var options = SerialInputOptions.TryParse(text, out var error);

        Assert.Null(error);
        Assert.Equal(path, options!.Path);
        Assert.Equal(baud, options.BaudRate);
    }

    [Theory]
    [InlineData("/dev/ttyACM0@fast", "'fast' is not a baud rate")]
    [InlineData("/dev/ttyACM0@12", "baud rate 12 must be 300..4000000")]
    [InlineData("", "the serial device path is empty")]
    public void TryParse_Invalid_SaysWhat(string text, string expected)
    {
        Assert.Null(SerialInputOptions.TryParse(text, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
