using Analytics.Quality;
using Analytics.Workload;
using Reports.Charts;
using Reports.Layout;

namespace Reports.Documents;

/// <summary>Sections more than one report has: the forecast, data quality and definitions.</summary>
internal static class CommonSections
{
    /// <summary>How stale the newest ticket change may be before a report warns that the sync may be late.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(36);

    public static IEnumerable<Block> Forecast(ForecastOutlook? outlook, ReportFonts fonts, string subject)
    {
        yield return new Heading("The coming weeks");
        if (outlook is null)
        {
            yield return new Callout("No forecast is available yet: the forecasting model has not been trained on this data. It is trained nightly; until then this section stays empty.", CalloutSeverity.Info) { Title = "Forecast missing" };
            yield break;
        }

        var (history, forecast) = ChartData.Forecast(outlook);
        yield return new ForecastChartBuilder(fonts).Build(history, forecast, $"Incoming tickets per week, {subject}: history and forecast").ToSlot(220, "Shaded: 80% and 95% prediction intervals from past forecast errors.");
        var next = outlook.Weeks.Count > 0 ? outlook.Weeks[0] : null;
        if (next is not null)
        {
            yield return new Paragraph(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Next week ({next.Week}) about {Figures.Count(next.Expected)} tickets are expected, most likely between {Figures.Count(next.Lower80)} and {Figures.Count(next.Upper80)} (80% interval). {outlook.Accuracy}"));
        }

        if (outlook.ModelAge is not null || outlook.Note is not null)
        {
            yield return new Paragraph(string.Join(" ", new[] { outlook.ModelAge, outlook.Note }.OfType<string>())) { Muted = true };
        }
    }

    public static IEnumerable<Block> DataQuality(DataQualityReport quality, ReportContext context)
    {
        yield return new Heading("Data quality");
        var facts = new List<string>
        {
            $"Data as of {Figures.DateTime(context.DataAsOf, context.Zone)} ({context.TimeZone}); figures computed as of {Figures.DateTime(context.GeneratedAt, context.Zone)}.",
            quality.LastImport is { } import ? $"Last import finished {Figures.DateTime(import, context.Zone)}." : "No file import recorded; the data came from the demo generator or a database sync.",
            $"{Figures.Count(quality.Tickets)} tickets of {context.Subject} were opened or resolved this week.",
        };
        yield return new BulletList(facts);
        var notes = quality.Notes(context.GeneratedAt, StaleAfter);
        yield return notes.Count == 0
            ? new Callout("No gaps found: every ticket this week has a team, resolved tickets have a resolver, SLA outcome and registered time, and no import rows were quarantined.", CalloutSeverity.Positive)
            : new Callout(string.Join("\n", notes), CalloutSeverity.Warning) { Title = "What is missing" };
    }

    /// <summary>
    /// Why a table of teams has a merged row or a row not shown, in the same words in every report; empty when
    /// every team has a row of its own. Rows are (label, the teams it adds up, shown), as the views build them.
    /// </summary>
    public static string TeamRowsNote(IEnumerable<(string Label, IReadOnlyList<string> Teams, bool Shown)> rows, int minimumGroupSize)
    {
        var notes = new List<string>();
        foreach (var (label, teams, shown) in rows.Where(r => r.Shown && r.Teams.Count > 1))
        {
            notes.Add($"{label} adds up {Figures.List(teams)}. A team of fewer than {minimumGroupSize} people is not shown on its own, and leaving it out would still let its figures be worked out by taking the other teams from the department's totals; so it shares a row with the next smallest teams. The department's totals include every team.");
        }

        if (rows.Any(r => !r.Shown))
        {
            notes.Add($"Teams marked \"not shown\" have fewer than {minimumGroupSize} people, even together: their figures would describe individuals.");
        }

        return string.Join(" ", notes);
    }

    public static IEnumerable<Block> Definitions(int minimumGroupSize)
    {
        yield return new Heading("How the figures are defined");
        var rows = MetricDefinitions.All.Select(d => (IReadOnlyList<string>)[d.Figure, d.Definition]).ToList();
        yield return new Table([TableColumn.Text("Figure", 1), TableColumn.Text("Definition", 3.2f)], rows) { MaxLinesPerCell = 4 };
        yield return new Paragraph($"Privacy: per-agent figures appear only in the report to the agent's own team manager; figures about fewer than {minimumGroupSize} people are not shown elsewhere.") { Muted = true };
    }
}
