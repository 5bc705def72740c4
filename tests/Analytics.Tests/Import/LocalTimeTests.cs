using Analytics.Import;

namespace Analytics.Tests.Import;

public sealed class LocalTimeTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Theory]
    [InlineData("2026-03-29 01:59:00", "2026-03-29 00:59:00")] // last minute of winter time
    [InlineData("2026-03-29 02:00:00", "2026-03-29 01:00:00")] // in the gap: read as 03:00 CEST
    [InlineData("2026-03-29 03:00:00", "2026-03-29 01:00:00")] // first minute of summer time
    [InlineData("2026-10-25 01:59:00", "2026-10-24 23:59:00")]
    [InlineData("2026-10-25 02:15:00", "2026-10-25 00:15:00")] // happens twice: the summer-time one
    [InlineData("2026-10-25 03:00:00", "2026-10-25 02:00:00")]
    [InlineData("2026-01-15 12:00:00", "2026-01-15 11:00:00")]
    [InlineData("2026-07-15 12:00:00", "2026-07-15 10:00:00")]
    public void ToUtc_AcrossDaylightSavingChanges(string local, string expectedUtc)
    {
        var parsed = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        // Twice: the second call is served from the per-hour offset cache and must agree.
        var first = LocalTime.ToUtc(parsed, Amsterdam);
        var second = LocalTime.ToUtc(parsed, Amsterdam);

        Assert.Equal(expectedUtc, first.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(first, second);
        Assert.Equal(TimeSpan.Zero, first.Offset);
    }

    [Theory]
    [InlineData("2026-02-30 10:00:00")]
    [InlineData("2026-12-01 24:00:00")]
    [InlineData("2026-12-01 10:60:00")]
    public void ImpossibleTimes_AreNotDates(string text) =>
        Assert.False(DateFormat.Iso.TryParse(text, Amsterdam, out _));

    [Theory]
    [InlineData("5/1/2026 9:05", "d/M/yyyy H:mm", "2026-01-05T08:05:00Z")]
    [InlineData("05-01-2026 09:05", "dd-MM-yyyy HH:mm", "2026-01-05T08:05:00Z")]
    [InlineData("1/5/2026 9:05 AM", "M/d/yyyy h:mm tt", "2026-01-05T08:05:00Z")]
    [InlineData("2026-01-05T09:05:00+01:00", "iso", "2026-01-05T08:05:00Z")]
    [InlineData("2026-01-05T08:05:00Z", "d/M/yyyy H:mm", "2026-01-05T08:05:00Z")]
    public void Layouts_ReadTheSameInstant(string text, string layout, string expected)
    {
        Assert.True(DateFormat.Parse(layout).TryParse(text, Amsterdam, out var utc));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), utc);
    }

    [Fact]
    public void Detect_TellsDayFirstFromUsByTheValues()
    {
        Assert.Same(DateFormat.DayFirstSlash, DateFormat.Detect(["13/1/2026 9:00", "5/1/2026 10:00"]));
        Assert.Same(DateFormat.Us, DateFormat.Detect(["1/13/2026 9:00 AM", "1/5/2026 10:00 PM"]));
        Assert.Same(DateFormat.DayFirstDash, DateFormat.Detect(["13-01-2026 09:00"]));
        Assert.Same(DateFormat.Iso, DateFormat.Detect(["2026-01-13 09:00:00"]));
    }
}
