using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.VisualBasic.FileIO;
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
    public async Task ForecastBacktestCsv_AsOfAPastDate_WritesEveryBacktestPointWithTheStoresActuals()
    {
        var csv = store.Folder.File("backtest.csv");

        var (exit, text) = await store.RunAsync("forecast", "--team", "department", "--backtest-csv", csv, "--as-of", "2026-10-31");

        Assert.True(exit == 0, text);
        var rows = ReadCsv(csv, out var header);
        Assert.Equal("series,origin,date,step,actual,forecast,lo80,hi80,lo95,hi95,method", header);
        Assert.Contains($"Wrote {rows.Count:N0} backtest points", text, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(csv), text, StringComparison.Ordinal);

        var lastDay = new DateOnly(2026, 10, 31);
        var department = new List<(DateOnly Origin, DateOnly Date, double Actual)>();
        foreach (var row in rows)
        {
            Assert.True(row.Length == 11, string.Join(",", row));
            var origin = DateOnly.ParseExact(row[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var date = DateOnly.ParseExact(row[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var step = int.Parse(row[3], CultureInfo.InvariantCulture);
            var (actual, lo80, hi80, lo95, hi95) = (Number(row[4]), Number(row[6]), Number(row[7]), Number(row[8]), Number(row[9]));
            _ = Number(row[5]);
            Assert.True(date > origin && date <= lastDay, string.Join(",", row));
            Assert.Equal(date.DayNumber - origin.DayNumber, step);
            Assert.True(lo95 <= lo80 && lo80 <= hi80 && hi80 <= hi95, string.Join(",", row));
            Assert.Matches("^[a-z]+(_[a-z]+)*$", row[10]);
            if (row[0] == "department")
            {
                department.Add((origin, date, actual));
            }
        }

        // The department, every team and their breakdowns. The department's origins are a week apart, the last two
        // weeks before the last complete day, 14 days ahead each (the store's 17 weeks up to then leave room for the
        // last 7 of the 12 origins after the minimum history).
        Assert.Contains(rows, r => r[0] == "Workplace");
        Assert.Contains(rows, r => r[0].StartsWith("Workplace/", StringComparison.Ordinal));
        var origins = department.Select(d => d.Origin).Distinct().Order().ToList();
        Assert.Equal(lastDay.AddDays(-14), origins[^1]);
        Assert.InRange(origins.Count, 5, 12);
        Assert.All(origins.Zip(origins.Skip(1)), p => Assert.Equal(7, p.Second.DayNumber - p.First.DayNumber));
        Assert.Equal(origins.Count * 14, department.Count);

        // The actuals are the store's tickets opened on that local day.
        foreach (var day in new[] { department.Min(d => d.Date), department.Max(d => d.Date) })
        {
            Assert.Equal(TicketsOpenedOn(day), department.First(d => d.Date == day).Actual);
        }
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

    private static List<string[]> ReadCsv(string path, out string header)
    {
        header = File.ReadLines(path).First();
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        parser.ReadFields();
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private double TicketsOpenedOn(DateOnly day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        string Utc(DateOnly d) => TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), zone).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(store.Folder.Path, "analytics.db")};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tickets WHERE opened_at >= $from AND opened_at < $to";
        command.Parameters.AddWithValue("$from", Utc(day));
        command.Parameters.AddWithValue("$to", Utc(day.AddDays(1)));
        return Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string PdfText(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
