using Analytics.Calendar;
using Analytics.Workload;
using Microsoft.Extensions.DependencyInjection;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

public sealed class HolidayCalendarRegistrationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void Host_WithoutCountry_InjectsTheDutchCalendar()
    {
        using var host = TestSettings.BuildHost(TestSettings.Embedded(_folder.Path), withReporting: true);

        var calendar = host.Services.GetRequiredService<IHolidayCalendar>();

        Assert.IsType<DutchHolidayCalendar>(calendar);
    }

    [Fact]
    public void Host_WithCountryBE_InjectsOneBelgianCalendar_WithTheExtraClosedDays()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Holidays:Country"] = "BE";
        settings["Holidays:ExtraClosedDays:0"] = "2026-12-24";
        using var host = TestSettings.BuildHost(settings, withReporting: true);

        var calendar = host.Services.GetRequiredService<IHolidayCalendar>();

        Assert.Equal("BE", calendar.Country);
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 7, 21)));
        Assert.True(calendar.IsHoliday(new DateOnly(2026, 12, 24)));
        Assert.False(calendar.IsHoliday(new DateOnly(2026, 4, 27)));
        Assert.Same(calendar, host.Services.GetRequiredService<IHolidayCalendar>());
        Assert.NotNull(host.Services.GetRequiredService<WorkloadCalculator>());
    }

    public void Dispose() => _folder.Dispose();
}
