using Analytics.Import;

namespace Analytics.Tests.Import;

/// <summary>The one vocabulary both CSV rows and database rows read text with.</summary>
public sealed class FieldParserTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData("y", true)]
    [InlineData("1", true)]
    [InlineData("ja", true)]
    [InlineData("J", true)]
    [InlineData("waar", true)]
    [InlineData("t", true)]
    [InlineData("FALSE", false)]
    [InlineData("no", false)]
    [InlineData("n", false)]
    [InlineData("0", false)]
    [InlineData("Nee", false)]
    [InlineData("onwaar", false)]
    [InlineData("f", false)]
    public void YesNoWords_InEnglishAndDutch(string text, bool expected)
    {
        Assert.True(FieldParser.TryYesNo(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("")]
    public void OtherWords_AreNotYesNo(string text) => Assert.False(FieldParser.TryYesNo(text, out _));

    [Theory]
    [InlineData("12", 12)]
    [InlineData("0", 0)]
    [InlineData("12.0", 12)]
    [InlineData("1,200", 1200)]
    public void WholeNumbers(string text, int expected)
    {
        Assert.True(FieldParser.TryWholeNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("twelve")]
    [InlineData("99999999999")]
    public void NegativeFractionalOrHugeNumbers_AreNotCounts(string text) => Assert.False(FieldParser.TryWholeNumber(text, out _));

    [Fact]
    public void DatabaseNumbers_FollowTheSameRules()
    {
        Assert.True(FieldParser.TryWholeNumber(12L, out var fromLong));
        Assert.True(FieldParser.TryWholeNumber(12.0d, out var fromDouble));
        Assert.True(FieldParser.TryWholeNumber(12m, out var fromDecimal));
        Assert.Equal((12, 12, 12), (fromLong, fromDouble, fromDecimal));
        Assert.False(FieldParser.TryWholeNumber(-3L, out _));
        Assert.False(FieldParser.TryWholeNumber(2.5d, out _));
        Assert.False(FieldParser.TryWholeNumber(double.NaN, out _));
        Assert.False(FieldParser.TryWholeNumber(1e30d, out _));
    }

    [Theory]
    [InlineData("2026-04-03T10:00:00+02:00")]
    [InlineData("2026-04-03 10:00:00+02")]
    [InlineData("2026-04-03 10:00:00+0200")]
    [InlineData("2026-04-03 10:00:00 +02:00")]
    [InlineData("2026-04-03T08:00:00Z")]
    [InlineData("2026-04-03T08:00:00.900Z")]
    public void Offsets_AreInstantsWhateverTheZone(string text)
    {
        Assert.True(FieldParser.TryInstant(text, DateFormat.Us, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"), out var utc));
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 8, 0, 0, TimeSpan.Zero), utc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("NULL")]
    [InlineData("n/a")]
    [InlineData("-")]
    [InlineData("?")]
    public void MissingSpellings_AreNoValue(string raw)
    {
        Assert.Null(FieldParser.Text(raw, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void DamagedText_IsAProblem()
    {
        Assert.Null(FieldParser.Text("a\0b", out var nul));
        Assert.Null(FieldParser.Text(new string('x', FieldParser.MaxTextLength + 1), out var tooLong));
        Assert.Contains("NUL", nul, StringComparison.Ordinal);
        Assert.Contains("limit", tooLong, StringComparison.Ordinal);
    }
}
