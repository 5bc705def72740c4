using Analytics.Recognition;
using Reports.Charts;
using Reports.Layout;
using Reports.Text;

namespace Reports.Documents;

/// <summary>
/// The appreciation and invisible-work summary: the work users never see, counted in tickets and
/// hours for the week and the quarter; recognition highlights (specific, positive, never a ranking);
/// problems solved with the incidents they prevent; and customers' thank-yous without their names.
/// </summary>
public static class AppreciationReport
{
    /// <summary>The report's title in English; reports use the title in their readers' language.</summary>
    public static string Title => Wording.English["Appreciation.Title"];

    private const int MaxQuotes = 8;

    private const int MaxProblems = 10;

    public static ReportDocument Compose(AppreciationReportModel model, ReportFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fonts);
        var context = model.Context;
        var t = context.Words;
        var view = model.View;
        var quarter = Quarter(t, view);
        var title = t["Appreciation.Title"];
        var document = new ReportDocument(
            new ReportMetadata($"{title} – {context.Subject} – {t.Week(context.Week)}", t.Format("Appreciation.Metadata.Subject", context.Subject, context.Period), t["Report.Author"]) { Creator = t["Report.Author"] },
            new PageHeaderInfo(title, context.Subject, context.Period, context.DataAsOf) { TimeZone = context.Zone, Words = t });

        if (view.WeekLedger is not { } week || view.PeriodLedger is not { } period)
        {
            document.Add(new Heading(t["Section.Summary"]))
                .Add(new Callout(t.Format("Common.TooFewPeople", context.Subject, context.MinimumGroupSize), CalloutSeverity.Info));
            return document.AddRange(CommonSections.DataQuality(model.Quality, context));
        }

        document.Add(new Heading(t["Section.Summary"]))
            .Add(new Paragraph(Summary(t, context.Subject, week, period, quarter, view)))
            .Add(Tiles(t, week, view));

        document.AddRange(Ledger(t, week, period, quarter, fonts, view));
        if (context.IsDepartment)
        {
            document.AddRange(Teams(view, context, quarter));
        }

        document.AddRange(Highlights(view, context, quarter));
        document.AddRange(Problems(view, context, quarter));
        document.AddRange(ThankYous(view, context, quarter));
        document.AddRange(Rules(t, model.EstimatedMinutes));
        document.AddRange(CommonSections.DataQuality(model.Quality, context));
        return document;
    }

    /// <summary>"2026-W35 to 2026-W47".</summary>
    internal static string Quarter(Wording t, AppreciationView view) => t.Format("Appreciation.Quarter", t.Week(view.PeriodStart), t.Week(view.Week));

    /// <summary>A highlight in the readers' language, without its subject.</summary>
    internal static string Say(Wording t, Highlight highlight) => highlight.Phrase is { } phrase ? t.Say(phrase) : highlight.Text;

    private static string Summary(Wording t, string subject, TeamLedger week, TeamLedger period, string quarter, AppreciationView view)
    {
        var text = t.Format("Appreciation.Summary.Week", t.Week(week.From), t.Percent(week.BehindTheScenesShare), subject, t.Hours(week.TotalHours), t.Hours(week.BehindTheScenesHours));
        var provisioning = period.Line(WorkCategory.Provisioning);
        var changes = period.Line(WorkCategory.Changes);
        var maintenance = period.Line(WorkCategory.Maintenance);
        text += " " + t.Format(period.AfterHoursCount > 0 ? "Appreciation.Summary.QuarterAfterHours" : "Appreciation.Summary.Quarter",
            quarter, t.Hours(period.BehindTheScenesHours), t.Count(provisioning.Count), t.Count(changes.Count), t.Count(maintenance.Count), t.Count(period.AfterHoursCount));
        if (view.Problems.Count > 0)
        {
            var prevented = view.Problems.Sum(p => p.PreventedEstimate);
            text += " " + t.Plural("Appreciation.Summary.Problems", view.Problems.Count, t.Count(view.Problems.Count), t.Count(prevented));
        }

        return text;
    }

    private static KpiRow Tiles(Wording t, TeamLedger week, AppreciationView view) => new(
    [
        new KpiTile(t.Percent(week.BehindTheScenesShare), t["Appreciation.Tile.Share"]),
        new KpiTile(t.Hours(week.BehindTheScenesHours), t["Appreciation.Tile.Hours"]),
        new KpiTile(t.Hours(week.AfterHoursHours), t["Appreciation.Tile.AfterHours"]),
        view.FeedbackInData
            ? new KpiTile(t.Count(view.ThankYous.Count), t["Appreciation.Tile.ThankYous"])
            : new KpiTile(Wording.Dash, t["Appreciation.Tile.NoFeedback"]),
    ]);

    private static IEnumerable<Block> Ledger(Wording t, TeamLedger week, TeamLedger period, string quarter, ReportFonts fonts, AppreciationView view)
    {
        yield return new Heading(t["Appreciation.Ledger.Heading"]);
        var rows = Enum.GetValues<WorkCategory>().Select(c =>
        {
            var w = week.Line(c);
            var q = period.Line(c);
            var estimated = q.Hours > 0 && q.EstimatedHours / q.Hours >= 0.5 ? " *" : "";
            return (IReadOnlyList<string>)[ChartData.CategoryName(t, c) + estimated, t.Count(w.Count), t.Hours(w.Hours), t.Percent(w.Share), t.Count(q.Count), t.Hours(q.Hours), t.Percent(q.Share)];
        }).ToList();
        rows.Add([t["Appreciation.Ledger.AllWork"], t.Count(week.Lines.Sum(l => l.Count)), t.Hours(week.TotalHours), t.Percent(1), t.Count(period.Lines.Sum(l => l.Count)), t.Hours(period.TotalHours), t.Percent(1)]);
        yield return new Table(
            [TableColumn.Text(t["Column.KindOfWork"], 2.4f), TableColumn.Number(t["Column.WeekItems"]), TableColumn.Number(t["Column.HoursLower"]), TableColumn.Number(t["Column.ShareLower"]), TableColumn.Number(t["Column.QuarterItems"], 1.2f), TableColumn.Number(t["Column.HoursLower"]), TableColumn.Number(t["Column.ShareLower"])],
            rows);
        yield return new Paragraph(t.Format("Appreciation.Ledger.Note", quarter)) { Muted = true };
        yield return new InvisibleWorkChartBuilder(fonts, t).Build(ChartData.WorkShares(view.WeeklyLedgers, t), t["Chart.Work.TitleWeekly"]).ToSlot(230);
    }

    private static IEnumerable<Block> Teams(AppreciationView view, ReportContext context, string quarter)
    {
        var t = context.Words;
        yield return new Heading(t["Appreciation.Teams.Heading"]);
        yield return new Table(
            [TableColumn.Text(t["Column.Team"], 2f), TableColumn.Number(t["Column.Hours"]), TableColumn.Number(t["Column.BehindTheScenes"], 1.4f), TableColumn.Number(t["Column.OutsideWorkingHours"], 1.5f)],
            [.. view.Teams.Select(x => x.Ledger is { } l
                ? (IReadOnlyList<string>)[x.Team, t.Hours(l.TotalHours), t.Percent(l.BehindTheScenesShare), t.Hours(l.AfterHoursHours)]
                : [x.Team, t["Common.NotShown"], "", ""])]);
        var note = CommonSections.TeamRowsNote(t, view.Teams.Select(x => (x.Team, x.MergedTeams, !x.Suppressed)), context.MinimumGroupSize);
        yield return new Paragraph(t.Format("Appreciation.Teams.Quarter", quarter) + (note.Length > 0 ? " " + note : "")) { Muted = true };
    }

    private static IEnumerable<Block> Highlights(AppreciationView view, ReportContext context, string quarter)
    {
        var t = context.Words;
        yield return new Heading(t["Appreciation.Highlights.Heading"]);
        var team = view.Highlights.Where(h => h.Agent is null).ToList();
        var people = view.Highlights.Where(h => h.Agent is not null).GroupBy(h => h.Agent!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (team.Count == 0 && people.Count == 0)
        {
            yield return new Paragraph(t.Format("Appreciation.Highlights.None", quarter));
            yield break;
        }

        foreach (var group in team.GroupBy(h => h.Team).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return new Callout(string.Join("\n", group.Select(h => "• " + Wording.Capitalised(Say(t, h)))), CalloutSeverity.Positive) { Title = context.IsDepartment ? group.Key : t.Format("Appreciation.Highlights.TheTeam", quarter) };
        }

        if (people.Count > 0)
        {
            yield return new Heading(t["Appreciation.Contributions.Heading"], 2);
            yield return new Paragraph(t["Appreciation.Contributions.Note"]) { Muted = true, KeepWithNext = true };
            yield return new BulletList([.. people.SelectMany(g => g.Select(h => t.Format("Appreciation.Contribution", g.Key, Say(t, h))))]);
        }
    }

    private static IEnumerable<Block> Problems(AppreciationView view, ReportContext context, string quarter)
    {
        if (view.Problems.Count == 0)
        {
            yield break;
        }

        var t = context.Words;
        yield return new Heading(t["Appreciation.Problems.Heading"]);
        var withSolver = !context.IsDepartment;
        IReadOnlyList<TableColumn> columns = withSolver
            ? [TableColumn.Text(t["Column.Problem"], 2.6f), TableColumn.Text(t["Column.Fixed"], 1.1f), TableColumn.Number(t["Column.IncidentsBefore"]), TableColumn.Number(t["Column.Prevented"]), TableColumn.Text(t["Column.SolvedBy"], 1.4f)]
            : [TableColumn.Text(t["Column.Problem"], 3f), TableColumn.Text(t["Column.Team"], 1.2f), TableColumn.Text(t["Column.Fixed"], 1.1f), TableColumn.Number(t["Column.IncidentsBefore"]), TableColumn.Number(t["Column.Prevented"])];
        var rows = view.Problems.OrderByDescending(p => p.PreventedEstimate).ThenBy(p => p.ProblemId, StringComparer.Ordinal).Take(MaxProblems).Select(p =>
        {
            var name = p.Title is null ? p.ProblemId : $"{p.ProblemId} {p.Title}";
            var fixedOn = t.Date(p.FixedAt, context.Zone);
            return withSolver
                ? (IReadOnlyList<string>)[name, fixedOn, t.Count(p.LinkedBefore), t.Count(p.PreventedEstimate), p.SolvedBy ?? ""]
                : [name, p.Team, fixedOn, t.Count(p.LinkedBefore), t.Count(p.PreventedEstimate)];
        }).ToList();
        yield return new Table(columns, rows);
        if (view.Problems.Count > MaxProblems)
        {
            yield return new Paragraph(t.Format("Appreciation.Problems.More", MaxProblems, view.Problems.Count - MaxProblems,
                t.Count(view.Problems.OrderByDescending(p => p.PreventedEstimate).Skip(MaxProblems).Sum(p => p.PreventedEstimate))));
        }

        yield return new Paragraph(t.Format("Appreciation.Problems.Note", view.Problems[0].PreventionWeeks, quarter)) { Muted = true };
    }

    private static IEnumerable<Block> ThankYous(AppreciationView view, ReportContext context, string quarter)
    {
        var t = context.Words;
        yield return new Heading(t["Appreciation.Thanks.Heading"]);
        if (view.ThankYous.Count == 0)
        {
            yield return new Paragraph(t.Format("Appreciation.Thanks.None", quarter));
            yield break;
        }

        var recent = view.ThankYous.Count(x => x.Quotable) > MaxQuotes;
        yield return new Paragraph(t.Plural(recent ? "Appreciation.Thanks.IntroRecent" : "Appreciation.Thanks.Intro", view.ThankYous.Count, t.Count(view.ThankYous.Count)));
        foreach (var thanks in view.ThankYous.Where(x => x.Quotable).OrderByDescending(x => x.GivenAt).Take(MaxQuotes))
        {
            var when = t.ShortDate(thanks.GivenAt, context.Zone);
            var who = thanks.Agent is null ? (context.IsDepartment ? thanks.Team : t["Appreciation.Thanks.TheTeam"]) : thanks.Agent;
            yield return new Callout($"“{thanks.Comment}”", CalloutSeverity.Positive) { Title = t.Format("Appreciation.Thanks.Title", when, who, thanks.Score) };
        }
    }

    private static IEnumerable<Block> Rules(Wording t, IReadOnlyDictionary<WorkCategory, double> estimates)
    {
        yield return new Heading(t["Appreciation.Rules.Heading"]);
        yield return new Paragraph(t["Appreciation.Rules.Text"]);
        yield return new Table(
            [TableColumn.Text(t["Column.KindOfWork"], 2f), TableColumn.Number(t["Column.MinutesAssumed"], 2f)],
            [.. estimates.Where(e => e.Value > 0).Select(e => (IReadOnlyList<string>)[ChartData.CategoryName(t, e.Key), t.Count(e.Value)])]);
        yield return new Paragraph(t["Appreciation.Rules.NoRanking"]) { Muted = true };
    }
}
