using Analytics.Forecasting;
using Worker.Cli;

namespace Worker.Tests.Cli;

/// <summary>The CSV that <c>forecast --backtest-csv</c> writes: header, series names, quoting, numbers and dates.</summary>
public sealed class BacktestCsvTests
{
    [Fact]
    public void Write_SeriesOfEveryLevel_NamesThemDepartmentTeamAndTeamSlashBreakdown()
    {
        var text = Write(
            Record(SeriesKey.Department),
            Record(new SeriesKey("Service Desk")),
            Record(new SeriesKey("Service Desk", "Accounts")),
            Record(new SeriesKey("Service Desk", "")));

        var lines = text.Split('\n');
        Assert.Equal(BacktestCsv.Header, lines[0]);
        Assert.StartsWith("department,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Service Desk,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("Service Desk/Accounts,", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("Service Desk/,", lines[4], StringComparison.Ordinal);
        Assert.Equal("", lines[5]);
    }

    [Fact]
    public void Write_NamesWithCommasQuotesAndLineBreaks_AreQuotedWithQuotesDoubled()
    {
        var text = Write(Record(new SeriesKey("Ops, Infra", "The \"big\" one\nreally")));

        Assert.StartsWith("\"Ops, Infra/The \"\"big\"\" one\nreally\",", text.Split('\n', 2)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NumbersAndDates_AreInvariantAndIso_WhateverTheCulture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("nl-NL");
        try
        {
            var text = Write(new BacktestRecord(SeriesKey.Department, new DateOnly(2012, 7, 31), new DateOnly(2012, 8, 2), 2, 1234, 1234.5, 0.25, 2000.125, 0, 2500, ForecastMethod.SeasonalNaive));

            Assert.Equal("department,2012-07-31,2012-08-02,2,1234,1234.5,0.25,2000.125,0,2500,seasonal_naive", text.Split('\n')[1]);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(ForecastMethod.Model, "model")]
    [InlineData(ForecastMethod.SeasonalNaive, "seasonal_naive")]
    [InlineData(ForecastMethod.MovingAverage, "moving_average")]
    public void MethodName_IsSnakeCase(ForecastMethod method, string expected) => Assert.Equal(expected, BacktestCsv.MethodName(method));

    [Fact]
    public void Write_RecordsOutOfOrder_AreOrderedBySeriesThenOriginThenDate_AndCounted()
    {
        var team = new SeriesKey("Workplace");
        var later = new DateOnly(2026, 11, 8);
        var earlier = new DateOnly(2026, 11, 1);
        using var writer = new StringWriter();

        var count = BacktestCsv.Write(writer, [
            Record(team, later, 2), Record(SeriesKey.Department, later, 1), Record(team, earlier, 1), Record(team, later, 1)]);

        Assert.Equal(4, count);
        var rows = writer.ToString().Split('\n')[1..^1].Select(l => string.Join(',', l.Split(',')[..4])).ToList();
        Assert.Equal(
            ["Workplace,2026-11-01,2026-11-02,1", "Workplace,2026-11-08,2026-11-09,1", "Workplace,2026-11-08,2026-11-10,2", "department,2026-11-08,2026-11-09,1"],
            rows);
    }

    private static BacktestRecord Record(SeriesKey key, DateOnly? origin = null, int step = 1)
    {
        var o = origin ?? new DateOnly(2026, 11, 1);
        return new BacktestRecord(key, o, o.AddDays(step), step, 10, 9.5, 7, 12, 5, 14, ForecastMethod.Model);
    }

    private static string Write(params BacktestRecord[] records)
    {
        using var writer = new StringWriter();
        BacktestCsv.Write(writer, records);
        return writer.ToString();
    }
}
