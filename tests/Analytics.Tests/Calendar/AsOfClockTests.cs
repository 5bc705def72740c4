using Analytics.Calendar;

namespace Analytics.Tests.Calendar;

public sealed class AsOfClockTests
{
    [Theory]
    [InlineData("2012-07-29", "2012-07-29T22:00:00Z")]
    [InlineData("2012-12-30", "2012-12-30T23:00:00Z")]
    [InlineData("2012-07-29T17:00:00+02:00", "2012-07-29T15:00:00Z")]
    [InlineData(" 2012-07-29T15:00Z ", "2012-07-29T15:00:00Z")]
    public void TryParse_ReadsADateAsTheEndOfThatDayInTheDepartmentsZone(string text, string expected)
    {
        Assert.True(AsOfClock.TryParse(text, "Europe/Amsterdam", out var clock));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), clock!.AsOf);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2012-07-29T17:00:00")]
    [InlineData("9999-12-31")]
    public void TryParse_NoMoment_IsFalse(string text) =>
        Assert.False(AsOfClock.TryParse(text, "Europe/Amsterdam", out _));
}
