using Analytics.Quality;
using Analytics.Workload;
using Reports.Charts;
using Reports.Layout;
using Reports.Text;
using Analytics.Text;

namespace Reports.Documents;

/// <summary>Sections more than one report has: the forecast, data quality and definitions.</summary>
internal static class CommonSections
{
    /// <summary>How stale the newest ticket change may be before a report warns that the sync may be late.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(36);

    public static IEnumerable<Block> Forecast(ForecastOutlook? outlook, ReportFonts fonts, ReportContext context)
    {
        var t = context.Words;
        yield return new Heading(t["Forecast.Heading"]);
        if (outlook is null)
        {
            yield return new Callout(t["Forecast.Missing"], CalloutSeverity.Info) { Title = t["Forecast.MissingTitle"] };
            yield break;
        }

        var (history, forecast) = ChartData.Forecast(outlook);
        yield return new ForecastChartBuilder(fonts, t).Build(history, forecast, t.Format("Chart.Forecast.TitleFor", context.Subject)).ToSlot(220, t["Forecast.ChartNote"]);
        var next = outlook.Weeks.Count > 0 ? outlook.Weeks[0] : null;
        if (next is not null)
        {
            yield return new Paragraph(t.Format("Forecast.NextWeek", t.Week(next.Week), t.Count(next.Expected), t.Count(next.Lower80), t.Count(next.Upper80)) + " " + Accuracy(outlook, t));
        }

        var notes = new[] { Say(t, outlook.ModelAgePhrase, outlook.ModelAge), Say(t, outlook.NotePhrase, outlook.Note) }.OfType<string>().ToList();
        if (notes.Count > 0)
        {
            yield return new Paragraph(string.Join(" ", notes)) { Muted = true };
        }
    }

    /// <summary>The phrase in the readers' language; the plain text only where a caller gave no phrase.</summary>
    private static string? Say(Wording t, Phrase? phrase, string? text) => phrase is null ? text : t.Say(phrase);

    /// <summary>How good the forecast has been, in the readers' language.</summary>
    public static string Accuracy(ForecastOutlook outlook, Wording t) =>
        outlook.AccuracyPhrase is { } phrase ? t.Say(phrase) : outlook.Accuracy;

    public static IEnumerable<Block> DataQuality(DataQualityReport quality, ReportContext context)
    {
        var t = context.Words;
        yield return new Heading(t["Quality.Heading"]);
        var facts = new List<string>
        {
            t.Format("Quality.AsOf", t.DateTime(context.DataAsOf, context.Zone), context.TimeZone, t.DateTime(context.GeneratedAt, context.Zone)),
            quality.LastImport is { } import ? t.Format("Quality.LastImport", t.DateTime(import, context.Zone)) : t["Quality.NoImport"],
            t.Plural("Quality.Tickets", quality.Tickets, t.Count(quality.Tickets), context.Subject),
        };
        yield return new BulletList(facts);
        var notes = quality.NotePhrases(context.GeneratedAt, StaleAfter);
        yield return notes.Count == 0
            ? new Callout(t["Quality.NoGaps"], CalloutSeverity.Positive)
            : new Callout(string.Join("\n", notes.Select(t.Say)), CalloutSeverity.Warning) { Title = t["Quality.MissingTitle"] };
    }

    /// <summary>
    /// Why a table of teams has a merged row or a row not shown, in the same words in every report; empty when
    /// every team has a row of its own. Rows are (label, the teams it adds up, shown), as the views build them.
    /// </summary>
    public static string TeamRowsNote(Wording t, IEnumerable<(string Label, IReadOnlyList<string> Teams, bool Shown)> rows, int minimumGroupSize)
    {
        var notes = new List<string>();
        foreach (var (label, teams, shown) in rows.Where(r => r.Shown && r.Teams.Count > 1))
        {
            notes.Add(t.Format("Teams.MergedNote", label, t.List(teams), minimumGroupSize));
        }

        if (rows.Any(r => !r.Shown))
        {
            notes.Add(t.Format("Teams.NotShownNote", minimumGroupSize));
        }

        return string.Join(" ", notes);
    }

    public static IEnumerable<Block> Definitions(ReportContext context)
    {
        var t = context.Words;
        yield return new Heading(t["Definitions.Heading"]);
        var rows = MetricDefinitions.Ids.Select(id => (IReadOnlyList<string>)[t["Definition." + id + ".Figure"], t["Definition." + id + ".Text"]]).ToList();
        yield return new Table([TableColumn.Text(t["Column.Figure"], 1), TableColumn.Text(t["Column.Definition"], 3.2f)], rows) { MaxLinesPerCell = 4 };
        yield return new Paragraph(t.Format("Definitions.Privacy", context.MinimumGroupSize)) { Muted = true };
    }
}
