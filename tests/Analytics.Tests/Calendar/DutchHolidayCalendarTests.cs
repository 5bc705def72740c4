using Analytics.Calendar;

namespace Analytics.Tests.Calendar;

public sealed class DutchHolidayCalendarTests
{
    [Theory]
    [InlineData(1818, 3, 22)] // earliest possible Easter
    [InlineData(2000, 4, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)] // latest possible Easter
    public void Easter_KnownYears_MatchPublishedDates(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Easter.Sunday(year));
    }

    [Fact]
    public void InYear_2026_HasTheDutchPublicHolidays()
    {
        var holidays = new DutchHolidayCalendar().InYear(2026).Select(h => (h.Date, h.Name)).ToList();

        Assert.Equal(
            [
                (new DateOnly(2026, 1, 1), "Nieuwjaarsdag"),
                (new DateOnly(2026, 4, 5), "Eerste Paasdag"),
                (new DateOnly(2026, 4, 6), "Tweede Paasdag"),
                (new DateOnly(2026, 4, 27), "Koningsdag"),
                (new DateOnly(2026, 5, 14), "Hemelvaartsdag"),
                (new DateOnly(2026, 5, 24), "Eerste Pinksterdag"),
                (new DateOnly(2026, 5, 25), "Tweede Pinksterdag"),
                (new DateOnly(2026, 12, 25), "Eerste Kerstdag"),
                (new DateOnly(2026, 12, 26), "Tweede Kerstdag"),
            ],
            holidays);
    }

    [Fact]
    public void KingsDay_OnASunday_MovesToSaturday()
    {
        var calendar = new DutchHolidayCalendar();

        Assert.Equal("Koningsdag", calendar.Find(new DateOnly(2025, 4, 26))?.Name);
        Assert.False(calendar.IsHoliday(new DateOnly(2025, 4, 27)));
    }

    [Fact]
    public void LiberationDay_IsAHolidayOnlyInLustrumYearsByDefault()
    {
        var calendar = new DutchHolidayCalendar();
        var everyYear = new DutchHolidayCalendar(new HolidayOptions { LiberationDayEveryYear = true });

        Assert.True(calendar.IsHoliday(new DateOnly(2025, 5, 5)));
        Assert.False(calendar.IsHoliday(new DateOnly(2026, 5, 5)));
        Assert.True(everyYear.IsHoliday(new DateOnly(2026, 5, 5)));
    }

    [Fact]
    public void ExtraClosedDays_AndGoodFriday_ComeFromOptions()
    {
        var options = new HolidayOptions { GoodFriday = true };
        options.ExtraClosedDays.Add(new DateOnly(2026, 5, 15));
        options.ExtraClosedDays.Add(new DateOnly(2026, 12, 25));
        var calendar = new DutchHolidayCalendar(options);

        Assert.Equal("Goede Vrijdag", calendar.Find(new DateOnly(2026, 4, 3))?.Name);
        Assert.Equal("Closed", calendar.Find(new DateOnly(2026, 5, 15))?.Name);
        Assert.Equal("Eerste Kerstdag", calendar.Find(new DateOnly(2026, 12, 25))?.Name);
        Assert.False(new DutchHolidayCalendar().IsHoliday(new DateOnly(2026, 4, 3)));
    }

    [Fact]
    public void DaysToNextAndSinceLast_CountCalendarDays()
    {
        var calendar = new DutchHolidayCalendar();

        Assert.Equal(0, calendar.DaysToNext(new DateOnly(2026, 12, 25)));
        Assert.Equal(3, calendar.DaysToNext(new DateOnly(2026, 12, 22)));
        Assert.Equal(2, calendar.DaysSinceLast(new DateOnly(2026, 12, 28)));
        Assert.Equal(10, calendar.DaysToNext(new DateOnly(2026, 6, 1), limit: 10));
    }
}
