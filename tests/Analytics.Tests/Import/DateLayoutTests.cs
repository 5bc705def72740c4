using System.Globalization;
using Analytics.Import;
using Analytics.Tests.Import.Profiles;
using Analytics.Tests.Support;

namespace Analytics.Tests.Import;

/// <summary>Each layout European (and other) exports use: detected from a sample, and read to the right instant.</summary>
public sealed class DateLayoutTests : IDisposable
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private readonly SqliteTestStore _store = new();

    public static TheoryData<string, string, string> Layouts => new()
    {
        // layout family, sample value, the instant it means in Amsterdam (UTC+1 in January, UTC+2 in October)
        { "yyyy/MM/dd HH:mm:ss", "2012/10/09 14:50:17.000", "2012-10-09T12:50:17Z" },
        { "yyyy/MM/dd HH:mm:ss", "2012/10/09 14:50:17.250", "2012-10-09T12:50:17.25Z" },
        { "yyyy/MM/dd HH:mm:ss", "2012/10/09 14:50:17.1234567", "2012-10-09T12:50:17.1234567Z" },
        { "yyyy/MM/dd HH:mm:ss", "2012/10/09 14:50:17", "2012-10-09T12:50:17Z" },
        { "yyyy/MM/dd HH:mm:ss", "2012/10/09 14:50", "2012-10-09T12:50:00Z" },
        { "yyyy/MM/dd HH:mm:ss", "2012/10/09", "2012-10-08T22:00:00Z" },
        { "dd-MM-yyyy HH:mm", "13-1-2026 9:05", "2026-01-13T08:05:00Z" },
        { "dd-MM-yyyy HH:mm", "13-01-2026 09:05:30", "2026-01-13T08:05:30Z" },
        { "dd-MM-yyyy HH:mm", "13-01-2026 09:05:30.500", "2026-01-13T08:05:30.5Z" },
        { "dd-MM-yyyy HH:mm", "13-01-2026", "2026-01-12T23:00:00Z" },
        { "dd-MM-yyyy HH:mm", "13-1-2026", "2026-01-12T23:00:00Z" },
        { "dd.MM.yyyy HH:mm", "13.01.2026 09:05", "2026-01-13T08:05:00Z" },
        { "dd.MM.yyyy HH:mm", "13.01.2026 09:05:30", "2026-01-13T08:05:30Z" },
        { "dd.MM.yyyy HH:mm", "13.1.2026 9:05:30.125", "2026-01-13T08:05:30.125Z" },
        { "dd.MM.yyyy HH:mm", "13.01.2026", "2026-01-12T23:00:00Z" },
        { "dd.MM.yyyy HH:mm", "13.01.26 09:05", "2026-01-13T08:05:00Z" },
        { "d/M/yyyy H:mm", "13/01/2026 09:05:30.750", "2026-01-13T08:05:30.75Z" },
        { "d/M/yyyy H:mm", "13/01/26", "2026-01-12T23:00:00Z" },
        { "yyyy.MM.dd HH:mm", "2026.01.13. 09:05", "2026-01-13T08:05:00Z" },
        { "yyyy.MM.dd HH:mm", "2026.01.13 09:05:30", "2026-01-13T08:05:30Z" },
        { "dd-MMM-yyyy HH:mm", "13-Jan-2026 09:05", "2026-01-13T08:05:00Z" },
        { "dd-MMM-yyyy HH:mm", "13-JAN-26 09:05:30", "2026-01-13T08:05:30Z" },
        { "dd-MMM-yyyy HH:mm", "13 Jan 2026", "2026-01-12T23:00:00Z" },
        { "iso", "2026-01-13 09:05", "2026-01-13T08:05:00Z" },
        { "iso", "2026-01-13 09:05:30", "2026-01-13T08:05:30Z" },
        { "iso", "2026-01-13 09:05:30.123", "2026-01-13T08:05:30.123Z" },
        { "iso", "2026-01-13T09:05:30.1", "2026-01-13T08:05:30.1Z" },
        { "iso", "2026-01-13 09:05:30,250", "2026-01-13T08:05:30.25Z" },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Layout_IsDetectedFromItsValues_AndReadToTheInstant(string family, string value, string expected)
    {
        var detected = DateFormat.Detect([value]);

        Assert.Equal(family, detected.Name);
        Assert.True(detected.TryParse(value, Amsterdam, out var utc), $"{value} in {detected.Name}");
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), utc);
        Assert.True(DateFormat.Parse(family).TryParse(value, Amsterdam, out var named), $"{value} with --date-format {family}");
        Assert.Equal(utc, named);
    }

    [Theory]
    [InlineData("03-04-2026 10:00", "dd-MM-yyyy HH:mm", 4, 3)] // only ambiguous values: day-first, as for slashes
    [InlineData("03/04/2026 10:00", "d/M/yyyy H:mm", 4, 3)]
    [InlineData("03.04.2026 10:00", "dd.MM.yyyy HH:mm", 4, 3)]
    public void AmbiguousSample_IsReadDayFirst(string value, string family, int month, int day)
    {
        var detected = DateFormat.Detect([value]);

        Assert.Equal(family, detected.Name);
        Assert.True(detected.TryParse(value, TimeZoneInfo.Utc, out var utc));
        Assert.Equal((2026, month, day), (utc.Year, utc.Month, utc.Day));
    }

    [Fact]
    public void SampleWithADayAboveTwelveInTheSecondPlace_IsReadMonthFirst()
    {
        var detected = DateFormat.Detect(["03/04/2026 10:00 AM", "12/31/2026 4:15 PM"]);

        Assert.Same(DateFormat.Us, detected);
        Assert.True(detected.TryParse("03/04/2026 10:00 AM", TimeZoneInfo.Utc, out var utc));
        Assert.Equal((3, 4), (utc.Month, utc.Day));
    }

    [Theory]
    [InlineData("2012/13/09 14:50:17")]
    [InlineData("2012/02/30 14:50")]
    [InlineData("2012/10/09 24:00:00")]
    [InlineData("2012/10/09 14:50:17.12345678")]
    [InlineData("32.01.2026 09:05")]
    [InlineData("13-Foo-2026")]
    public void ImpossibleValues_AreNotDates(string value)
    {
        foreach (var format in new[] { DateFormat.YearFirstSlash, DateFormat.DayFirstDot, DateFormat.DayMonthName, DateFormat.Iso })
        {
            Assert.False(format.TryParse(value, Amsterdam, out _), $"{value} read as {format.Name}");
        }
    }

    [Fact]
    public async Task Import_YearFirstSlashWithMilliseconds_IsDetectedAndStoredToTheSecond()
    {
        var path = _store.WriteFile("audit.csv",
            "number,opened_at,sys_updated_on,assignment_group\n" +
            "INC0000001,2012/10/09 14:50:17.000,2012/10/09 15:02:48.870,Service Desk\n" +
            "INC0000002,2012/10/10 08:00:00.999,2012/10/10 08:30:00.000,Service Desk\n");

        var summary = await _store.ImportAsync(path, "servicenow");

        ImportAssert.Counts(summary, read: 2, inserted: 2);
        var first = await ImportAssert.TicketAsync(_store, "servicenow", "INC0000001");
        Assert.Equal(ImportAssert.Utc(2012, 10, 9, 12, 50, 17), first.OpenedAt);
        Assert.Equal(ImportAssert.Utc(2012, 10, 9, 13, 2, 48), first.UpdatedAt);
        var second = await ImportAssert.TicketAsync(_store, "servicenow", "INC0000002");
        Assert.Equal(ImportAssert.Utc(2012, 10, 10, 6, 0, 0), second.OpenedAt);
    }

    [Fact]
    public async Task Import_GermanDotDates_AreDetected()
    {
        var path = _store.WriteFile("topdesk.csv",
            "Incidentnummer;Aanmelddatum;Operatorgroep\n" +
            "I 2601 001;13.01.2026 09:05;Werkplek\n" +
            "I 2601 002;05.02.2026;Werkplek\n");

        var summary = await _store.ImportAsync(path, "topdesk");

        ImportAssert.Counts(summary, read: 2, inserted: 2);
        Assert.Equal(ImportAssert.Utc(2026, 1, 13, 8, 5), (await ImportAssert.TicketAsync(_store, "topdesk", "I 2601 001")).OpenedAt);
        Assert.Equal(ImportAssert.Utc(2026, 2, 4, 23, 0), (await ImportAssert.TicketAsync(_store, "topdesk", "I 2601 002")).OpenedAt);
    }

    public void Dispose() => _store.Dispose();
}
