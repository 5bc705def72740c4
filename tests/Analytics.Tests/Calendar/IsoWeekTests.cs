using Analytics.Calendar;

namespace Analytics.Tests.Calendar;

public sealed class IsoWeekTests
{
    [Fact]
    public void Of_LastDaysOfDecember2026_AreInWeek53()
    {
        var week = IsoWeek.Of(new DateOnly(2027, 1, 3));

        Assert.Equal(new IsoWeek(2026, 53), week);
        Assert.Equal(new DateOnly(2026, 12, 28), week.Monday);
        Assert.Equal(new IsoWeek(2027, 1), week.Next());
        Assert.Equal(new IsoWeek(2026, 52), week.Previous());
    }

    [Fact]
    public void Of_January1st2027_BelongsToThePreviousIsoYear()
    {
        Assert.Equal("2026-W53", IsoWeek.Of(new DateOnly(2027, 1, 1)).ToString());
        Assert.Equal("2026-W01", IsoWeek.Of(new DateOnly(2025, 12, 29)).ToString());
    }

    [Theory]
    [InlineData("2026-W47", 2026, 47)]
    [InlineData("2026W05", 2026, 5)]
    [InlineData(" 2020-W53 ", 2020, 53)]
    public void Parse_AcceptsIsoForms(string text, int year, int number)
    {
        Assert.Equal(new IsoWeek(year, number), IsoWeek.Parse(text));
    }

    [Theory]
    [InlineData("2025-W53")] // 2025 has 52 weeks
    [InlineData("2026-W00")]
    [InlineData("W47")]
    [InlineData("2026-47-1")]
    [InlineData("")]
    public void TryParse_RejectsWeeksThatDoNotExist(string text)
    {
        Assert.False(IsoWeek.TryParse(text, out _));
        var error = Assert.Throws<FormatException>(() => IsoWeek.Parse(text));
        Assert.Contains("ISO week", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RangeAndWeeksSince_CrossAYearWith53Weeks()
    {
        var weeks = IsoWeek.Range(new IsoWeek(2026, 52), new IsoWeek(2027, 2)).Select(w => w.ToString()).ToList();

        Assert.Equal(["2026-W52", "2026-W53", "2027-W01", "2027-W02"], weeks);
        Assert.Equal(3, new IsoWeek(2027, 2).WeeksSince(new IsoWeek(2026, 52)));
        Assert.True(new IsoWeek(2026, 53) < new IsoWeek(2027, 1));
    }
}
