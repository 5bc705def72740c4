using UglyToad.PdfPig;

namespace Worker.Tests.Cli;

/// <summary>
/// <c>--as-of</c> on the reporting commands, on a store with twenty weeks of demo history to 2026-W47 and
/// a model trained on all of it: a moment in the past sees only what was known then.
/// </summary>
public sealed class AsOfCommandTests(DemoStore store) : IClassFixture<DemoStore>
{
    [Fact]
    public async Task Forecast_AsOfAPastDate_StartsTheDayAfterFromAModelThatNeverSawLaterDays()
    {
        var (exit, text) = await store.RunAsync("forecast", "--team", "department", "--as-of", "2026-10-31");

        Assert.True(exit == 0, text);
        // The stored model learned from November; the forecast as of 31 October starts on 1 November.
        Assert.Contains("Sun 2026-11-01", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-23", text, StringComparison.Ordinal);
        Assert.Contains("Backtest: 12 origins", text, StringComparison.Ordinal);
        Assert.Contains("to 2026-10-", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportWeekly_AsOfAPastDate_ReportsThePreviousWeekWithDataAsOfThen()
    {
        var output = store.Folder.File("asof.pdf");

        // Sunday 1 November: as of its end, 2026-W44 (26 October to 1 November) is the last complete week.
        var (exit, text) = await store.RunAsync("report", "weekly", "--team", "Workplace", "--as-of", "2026-11-01", "--out", output);

        Assert.True(exit == 0, text);
        var pdf = PdfText(output);
        Assert.Contains("Workplace · 2026-W44", pdf, StringComparison.Ordinal);
        Assert.Contains("figures computed as of 2 Nov 2026 00:00", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("sync may be late", pdf, StringComparison.Ordinal);
        // The data's newest change is no later than the as-of moment.
        Assert.Matches(@"Data as of (1 Nov|(2[0-9]|3[01]) Oct) 2026", pdf);
        // The PDF itself was generated now, not on the as-of day.
        Assert.DoesNotContain("Generated 2026-11-02", pdf, StringComparison.Ordinal);
        var today = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        Assert.Contains($"Generated {today:yyyy-MM-dd}", pdf, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("2026-10-31T12:00:00")]
    public async Task AsOf_NotAMoment_ExitsTwoWithOneLine(string asOf)
    {
        var (exit, text) = await store.RunAsync("metrics", "--team", "Workplace", "--as-of", asOf);

        Assert.Equal(2, exit);
        Assert.Contains($"--as-of: '{asOf}' is not a date", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-W01", "ends before the data begins")]
    [InlineData("2027-W10", "begins after the newest ticket")]
    public async Task Metrics_WeekOutsideTheData_WarnsThatItsFiguresAreEmpty(string week, string warning)
    {
        var (exit, text) = await store.RunAsync("metrics", "--team", "Workplace", "--week", week);

        Assert.True(exit == 0, text);
        Assert.Contains(warning, text, StringComparison.Ordinal);
    }

    private static string PdfText(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
