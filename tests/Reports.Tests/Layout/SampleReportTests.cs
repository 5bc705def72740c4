using Reports.Charts;
using Reports.Layout;
using Reports.Tests.Support;

namespace Reports.Tests.Layout;

/// <summary>
/// A report using every block and every chart, written to pdf-output/sample-report.pdf in the test
/// output folder so a person can look at it (pdftoppm -r 80 -png sample-report.pdf page).
/// </summary>
public sealed class SampleReportTests
{
    public static ReportDocument Build(ReportFonts fonts)
    {
        var doc = SampleDocuments.New();
        doc.Add(new Heading("Summary"))
            .Add(new Paragraph("The service desk received 1,284 tickets this week, 6 % more than last week, and resolved 1,197. "
                + "The backlog grew for the third week in a row and now stands at 412 open tickets, of which 38 are older than 30 days."))
            .Add(new KpiRow(
            [
                new KpiTile("1,284", "Incoming tickets", new KpiChange("+6 % vs last week", Trend.Up, Sentiment.Bad)),
                new KpiTile("1,197", "Resolved tickets", new KpiChange("+2 % vs last week", Trend.Up, Sentiment.Good)),
                new KpiTile("412", "Open backlog at week end", new KpiChange("+87 vs last week", Trend.Up, Sentiment.Bad)),
                new KpiTile("91.4 %", "Resolved within SLA", new KpiChange("no change", Trend.Flat)),
            ]))
            .Add(new Callout("Incoming work exceeded resolved work in each of the last 3 weeks (ratio 1.07, 1.05, 1.07). At this rate the backlog takes 9.4 working days to clear, above the threshold of 7.", CalloutSeverity.Critical)
            {
                Title = "Overload: backlog growing",
            })
            .Add(new Callout("4 changes were carried out after hours this week; none caused an incident.", CalloutSeverity.Positive) { Title = "Behind the scenes" })
            .Add(new Heading("Flow of work"))
            .Add(new WeeklyFlowChartBuilder(fonts).Build(ChartSamples.Flow()).ToSlot(230, "Source: ServiceNow export, ISO weeks, team time zone Europe/Amsterdam."))
            .Add(new Heading("Where the work comes from", 2))
            .Add(new BulletList(
            [
                "Monday mornings bring a third of the week's phone calls.",
                "Password resets fell by 40 % after the self-service portal went live.",
                "Laptop preparation for 23 new starters took 61 hours that no ticket shows to users.",
            ]))
            .Add(new IncomingHeatmapChartBuilder(fonts).Build(ChartSamples.Heatmap()).ToSlot(200))
            .Add(new Heading("Forecast and staffing"))
            .Add(new ForecastChartBuilder(fonts).Build(ChartSamples.History(), ChartSamples.Forecast()).ToSlot(230))
            .Add(new Paragraph("Backtested accuracy (MASE against seasonal naive): 0.78 over the last 12 weeks. Shaded bands are 80 % and 95 % prediction intervals.") { Muted = true })
            .Add(new StaffingChartBuilder(fonts).Build(ChartSamples.Staffing()).ToSlot(220))
            .Add(new Heading("Invisible work"))
            .Add(new InvisibleWorkChartBuilder(fonts).Build(ChartSamples.InvisibleWork()).ToSlot(240))
            .Add(new Heading("Work in progress by agent", 2))
            .Add(new AgentWorkChartBuilder(fonts).Build(ChartSamples.Agents()).ToSlot(200))
            .Add(new PageBreak())
            .Add(new Heading("Oldest open tickets"))
            .Add(new Table(
                [
                    TableColumn.Text("Ticket", 1.1f),
                    TableColumn.Text("Title", 4f),
                    TableColumn.Text("Category", 1.6f),
                    TableColumn.Number("Age (days)", 1f),
                    TableColumn.Number("Reassigned", 1.1f),
                ],
                Enumerable.Range(1, 60).Select(i => (IReadOnlyList<string>)
                [
                    $"INC{100200 + i}",
                    i % 7 == 0 ? SampleDocuments.Words(40, i) : SampleDocuments.Words(6, i),
                    i % 3 == 0 ? "Workplace" : "Accounts & access",
                    (90 - i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    (i % 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ]).ToList()))
            .Add(new Paragraph("Tickets are ordered by age; reassignment counts above 3 suggest ping-pong between teams.") { Muted = true })
            .Add(new Spacer(12))
            .Add(new Heading("Notes"))
            .Add(new Paragraph(SampleDocuments.Words(180, 7)));
        return doc;
    }

    [Fact]
    public void SampleReport_WithEveryBlockAndChart_RendersValidPdf()
    {
        using var pdf = RenderedPdf.Render(Build(TestFonts.Default), "sample-report");

        Assert.True(pdf.PageCount >= 4, $"expected at least 4 pages, got {pdf.PageCount}");
        string text = pdf.AllCompactText();
        Assert.Contains("Oldestopentickets", text, StringComparison.Ordinal);
        Assert.Contains("1,284", text, StringComparison.Ordinal);
    }
}
