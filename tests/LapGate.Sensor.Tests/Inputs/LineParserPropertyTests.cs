using System.Globalization;
using CsCheck;

namespace LapGate.Sensor.Tests.Inputs;

public class LineParserPropertyTests
{
    private static readonly Gen<string> Blank = Gen.OneOfConst(" ", "\t", "  ", " \t ", "\t\t");
    private static readonly Gen<string> OptionalBlank = Gen.OneOfConst("", " ", "\t", " \t");
    private static readonly Gen<string> OptionalComment = Gen.OneOf(Gen.Const(""), Gen.String.Select(s => "#" + s.Replace("\n", "", StringComparison.Ordinal)));

    [Fact]
    public void Parse_AnyPinAndDeviceTimeWithAnySpacing_GivesThemBack()
    {
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Long[0, long.MaxValue].Nullable(), OptionalBlank, Blank, OptionalBlank, OptionalComment)
            .Sample((pin, micros, lead, sep, trail, comment) =>
            {
                var line = lead + pin.ToString(CultureInfo.InvariantCulture)
                    + (micros is { } m ? sep + m.ToString(CultureInfo.InvariantCulture) : "")
                    + trail + comment;

                var result = LineParser.Parse(line);

                Assert.Equal(LineKind.Trigger, result.Kind);
                Assert.Equal(pin, result.Pin);
                Assert.Equal(micros, result.DeviceTimeMicros);
                Assert.Null(result.Error);
            }, iter: 5000);
    }

    [Fact]
    public void Parse_AnyText_NeverThrowsAndAnInvalidLineSaysWhy()
    {
        Gen.String.Sample(line =>
        {
            var result = LineParser.Parse(line);

            switch (result.Kind)
            {
                case LineKind.Invalid:
                    Assert.False(string.IsNullOrWhiteSpace(result.Error));
                    break;
                case LineKind.Trigger:
                    Assert.True(result.Pin >= 0);
                    Assert.True(result.DeviceTimeMicros is null or >= 0);
                    break;
                default:
                    Assert.Null(result.Error);
                    break;
            }
        }, iter: 10000);
    }

    [Fact]
    public void Parse_BlankOrCommentOnly_IsIgnored()
    {
        Gen.Select(Blank.Array[0, 4], OptionalComment).Sample((blanks, comment) =>
        {
            Assert.Equal(LineKind.Ignored, LineParser.Parse(string.Concat(blanks) + comment).Kind);
        }, iter: 2000);
    }

    [Fact]
    public void Parse_ThreeOrMoreFields_IsInvalid()
    {
        Gen.Int[0, 1000].Array[3, 6].Sample(fields =>
        {
            var result = LineParser.Parse(string.Join(' ', fields));

            Assert.Equal(LineKind.Invalid, result.Kind);
            Assert.Contains("too many fields", result.Error, StringComparison.Ordinal);
        }, iter: 1000);
    }

    [Fact]
    public void Parse_NonDigitInThePin_IsInvalidAndQuotesIt()
    {
        Gen.Select(Gen.Int[0, 99999], Gen.Char["abcxyz-+.,"], Gen.Int[0, 5]).Sample((pin, bad, at) =>
        {
            var text = pin.ToString(CultureInfo.InvariantCulture);
            var word = text.Insert(Math.Min(at, text.Length), bad.ToString());

            var result = LineParser.Parse(word + " 1000");

            Assert.Equal(LineKind.Invalid, result.Kind);
            Assert.Contains($"'{word}'", result.Error, StringComparison.Ordinal);
        }, iter: 1000);
    }
}
