using Analytics.Calendar;

namespace Analytics.Tests.Calendar;

public sealed class CountryHolidayCalendarTests
{
    [Fact]
    public void Create_Default_IsTheDutchRules()
    {
        var calendar = HolidayCalendars.Create(new HolidayOptions());

        Assert.IsType<DutchHolidayCalendar>(calendar);
        Assert.Equal("NL", calendar.Country);
        Assert.Equal("Koningsdag", calendar.Find(new DateOnly(2026, 4, 27))?.Name);
    }

    [Fact]
    public void Belgium_NationalDayIsAHoliday_TheDayAfterAndDutchKingsDayAreNot()
    {
        var calendar = HolidayCalendars.Create(new HolidayOptions { Country = "BE" });

        Assert.Equal("BE", calendar.Country);
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 7, 21)));
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 11, 11)));
        Assert.False(calendar.IsHoliday(new DateOnly(2026, 7, 22)));
        Assert.False(calendar.IsHoliday(new DateOnly(2026, 4, 27)));
        Assert.False(calendar.IsHoliday(new DateOnly(2026, 4, 3)));
    }

    [Fact]
    public void Germany_UnityDayAndGoodFridayAreHolidays_InLowerCaseToo()
    {
        var calendar = HolidayCalendars.Create(new HolidayOptions { Country = "de" });

        Assert.Equal("DE", calendar.Country);
        Assert.Equal("Tag der Deutschen Einheit", calendar.Find(new DateOnly(2026, 10, 3))?.Name);
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 4, 3)));
        Assert.False(calendar.IsHoliday(new DateOnly(2026, 10, 5)));
        Assert.Contains(calendar.InYear(2026), h => h.Date == new DateOnly(2026, 12, 26));
    }

    [Fact]
    public void ExtraClosedDays_AndGoodFriday_ApplyInEveryCountry()
    {
        var options = new HolidayOptions { Country = "BE", GoodFriday = true };
        options.ExtraClosedDays.Add(new DateOnly(2026, 5, 15));
        options.ExtraClosedDays.Add(new DateOnly(2026, 7, 21));
        var calendar = HolidayCalendars.Create(options);

        Assert.True(calendar.IsHoliday(new DateOnly(2026, 4, 3)));
        Assert.Equal(YearHolidayCalendar.ClosedDayName, calendar.Find(new DateOnly(2026, 5, 15))?.Name);
        Assert.NotEqual(YearHolidayCalendar.ClosedDayName, calendar.Find(new DateOnly(2026, 7, 21))?.Name);
        Assert.Equal(0, calendar.DaysToNext(new DateOnly(2026, 5, 15)));
    }

    [Fact]
    public void Validate_UnknownCountry_NamesTheSettingAndTheSupportedCodes()
    {
        var result = new HolidayOptionsValidator().Validate(null, new HolidayOptions { Country = "XX" });

        Assert.True(result.Failed);
        Assert.StartsWith("Holidays:Country: 'XX' is not a supported country", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("BE", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("NL", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("PO", result.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayCalendars.Create(new HolidayOptions { Country = "XX" }));
    }

    [Theory]
    [InlineData("NL")]
    [InlineData("BE")]
    [InlineData("DE")]
    [InlineData("GB")]
    [InlineData("US")]
    public void Validate_SupportedCountry_Succeeds(string country)
    {
        Assert.True(new HolidayOptionsValidator().Validate(null, new HolidayOptions { Country = country }).Succeeded);
        Assert.Contains(country, HolidayCalendars.SupportedCountries);
    }

    [Fact]
    public void EverySupportedCountry_HasHolidaysEveryYear()
    {
        foreach (var country in HolidayCalendars.SupportedCountries)
        {
            var calendar = HolidayCalendars.Create(new HolidayOptions { Country = country });
            Assert.True(calendar.InYear(2026).Count > 0, country);
        }
    }

    [Fact]
    public void Calendar_SharedBetweenThreads_AnswersTheSame()
    {
        var calendar = HolidayCalendars.Create(new HolidayOptions { Country = "DE" });
        var counts = new int[8];

        Parallel.For(0, counts.Length, i => counts[i] = Enumerable.Range(2000, 40).Sum(year => calendar.InYear(year).Count));

        Assert.All(counts, count => Assert.Equal(counts[0], count));
    }
}
