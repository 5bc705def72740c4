using System.Globalization;
using Analytics.Recognition;
using Reports.Charts;
using Reports.Layout;

namespace Reports.Documents;

/// <summary>
/// The appreciation and invisible-work summary: the work users never see, counted in tickets and
/// hours for the week and the quarter; recognition highlights (specific, positive, never a ranking);
/// problems solved with the incidents they prevent; and customers' thank-yous without their names.
/// </summary>
public static class AppreciationReport
{
    public const string Title = "Appreciation and invisible work";

    private const int MaxQuotes = 8;

    private const int MaxProblems = 10;

    public static ReportDocument Compose(AppreciationReportModel model, ReportFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fonts);
        var context = model.Context;
        var view = model.View;
        var quarter = $"{view.PeriodStart} to {view.Week}";
        var document = new ReportDocument(
            new ReportMetadata($"{Title} – {context.Subject} – {context.Week}", $"The work behind the scenes of {context.Subject}, {context.Period}", "IT workload monitor"),
            new PageHeaderInfo(Title, context.Subject, context.Period, context.DataAsOf) { TimeZone = context.Zone });

        if (view.WeekLedger is not { } week || view.PeriodLedger is not { } period)
        {
            document.Add(new Heading("Summary"))
                .Add(new Callout($"Figures for {context.Subject} are not shown: they would describe fewer than {context.MinimumGroupSize} people.", CalloutSeverity.Info));
            return document.AddRange(CommonSections.DataQuality(model.Quality, context));
        }

        document.Add(new Heading("Summary"))
            .Add(new Paragraph(Summary(context.Subject, week, period, quarter, view)))
            .Add(Tiles(week, period, view));

        document.AddRange(Ledger(week, period, quarter, fonts, view));
        if (context.IsDepartment)
        {
            document.AddRange(Teams(view, context, quarter));
        }

        document.AddRange(Highlights(view, context, quarter));
        document.AddRange(Problems(view, context, quarter));
        document.AddRange(ThankYous(view, context, quarter));
        document.AddRange(Rules(model.EstimatedMinutes));
        document.AddRange(CommonSections.DataQuality(model.Quality, context));
        return document;
    }

    private static string Summary(string subject, TeamLedger week, TeamLedger period, string quarter, AppreciationView view)
    {
        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"In {week.From}, {Figures.Percent(week.BehindTheScenesShare)} of {subject}'s {Figures.Hours(week.TotalHours)} of work went to things users never see ({Figures.Hours(week.BehindTheScenesHours)}).");
        var provisioning = period.Line(WorkCategory.Provisioning);
        var changes = period.Line(WorkCategory.Changes);
        var maintenance = period.Line(WorkCategory.Maintenance);
        text += string.Create(c, $" Over the quarter ({quarter}) that was {Figures.Hours(period.BehindTheScenesHours)}: {Figures.Count(provisioning.Count)} requests fulfilled, {Figures.Count(changes.Count)} changes and {Figures.Count(maintenance.Count)} maintenance tasks carried out");
        text += period.AfterHoursCount > 0 ? string.Create(c, $", {Figures.Count(period.AfterHoursCount)} pieces of work done outside working hours.") : ".";
        if (view.Problems.Count > 0)
        {
            var prevented = view.Problems.Sum(p => p.PreventedEstimate);
            text += string.Create(c, $" {Figures.Count(view.Problems.Count)} {(view.Problems.Count == 1 ? "problem was" : "problems were")} solved, expected to prevent about {Figures.Count(prevented)} incidents.");
        }

        return text;
    }

    private static KpiRow Tiles(TeamLedger week, TeamLedger period, AppreciationView view) => new(
    [
        new KpiTile(Figures.Percent(week.BehindTheScenesShare), "Of this week's hours behind the scenes"),
        new KpiTile(Figures.Hours(week.BehindTheScenesHours), "Behind-the-scenes work this week"),
        new KpiTile(Figures.Hours(week.AfterHoursHours), "Hours on tickets finished after hours, this week"),
        view.FeedbackInData
            ? new KpiTile(Figures.Count(view.ThankYous.Count), "Thank-yous this quarter")
            : new KpiTile("–", "Thank-yous: no feedback in the data"),
    ]);

    private static IEnumerable<Block> Ledger(TeamLedger week, TeamLedger period, string quarter, ReportFonts fonts, AppreciationView view)
    {
        yield return new Heading("The work behind the scenes");
        var rows = Enum.GetValues<WorkCategory>().Select(c =>
        {
            var w = week.Line(c);
            var q = period.Line(c);
            var estimated = q.Hours > 0 && q.EstimatedHours / q.Hours >= 0.5 ? " *" : "";
            return (IReadOnlyList<string>)[WorkCategoryNames.Of(c) + estimated, Figures.Count(w.Count), Figures.Hours(w.Hours), Figures.Percent(w.Share), Figures.Count(q.Count), Figures.Hours(q.Hours), Figures.Percent(q.Share)];
        }).ToList();
        rows.Add(["All work", Figures.Count(week.Lines.Sum(l => l.Count)), Figures.Hours(week.TotalHours), "100%", Figures.Count(period.Lines.Sum(l => l.Count)), Figures.Hours(period.TotalHours), "100%"]);
        yield return new Table(
            [TableColumn.Text("Kind of work", 2.4f), TableColumn.Number("Week: items"), TableColumn.Number("hours"), TableColumn.Number("share"), TableColumn.Number("Quarter: items", 1.2f), TableColumn.Number("hours"), TableColumn.Number("share")],
            rows);
        yield return new Paragraph($"Items are resolved tickets, knowledge articles written and time registrations without a ticket. * Mostly estimated: no time was registered, so the configured time per item is used. Quarter: {quarter}.") { Muted = true };
        yield return new InvisibleWorkChartBuilder(fonts).Build(ChartData.WorkShares(view.WeeklyLedgers), "Share of hours by kind of work, week by week").ToSlot(230);
    }

    private static IEnumerable<Block> Teams(AppreciationView view, ReportContext context, string quarter)
    {
        yield return new Heading("Teams");
        yield return new Table(
            [TableColumn.Text("Team", 2f), TableColumn.Number("Hours"), TableColumn.Number("Behind the scenes", 1.4f), TableColumn.Number("Outside working hours", 1.5f)],
            [.. view.Teams.Select(t => t.Ledger is { } l
                ? (IReadOnlyList<string>)[t.Team, Figures.Hours(l.TotalHours), Figures.Percent(l.BehindTheScenesShare), Figures.Hours(l.AfterHoursHours)]
                : [t.Team, "not shown", "", ""])]);
        var note = CommonSections.TeamRowsNote(view.Teams.Select(t => (t.Team, t.MergedTeams, !t.Suppressed)), context.MinimumGroupSize);
        yield return new Paragraph($"Quarter {quarter}." + (note.Length > 0 ? " " + note : "")) { Muted = true };
    }

    private static IEnumerable<Block> Highlights(AppreciationView view, ReportContext context, string quarter)
    {
        yield return new Heading("Recognition");
        var team = view.Highlights.Where(h => h.Agent is null).ToList();
        var people = view.Highlights.Where(h => h.Agent is not null).GroupBy(h => h.Agent!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (team.Count == 0 && people.Count == 0)
        {
            yield return new Paragraph($"No highlights this quarter ({quarter}): the data holds nothing specific enough to name.");
            yield break;
        }

        foreach (var group in team.GroupBy(h => h.Team).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            yield return new Callout(string.Join("\n", group.Select(h => "• " + Capital(h.Text) + ".")), CalloutSeverity.Positive) { Title = context.IsDepartment ? group.Key : $"The team, {quarter}" };
        }

        if (people.Count > 0)
        {
            yield return new Heading("Contributions", 2);
            yield return new Paragraph("Specific contributions this quarter, in alphabetical order. Colleagues who asked not to be named in recognition are left out.") { Muted = true, KeepWithNext = true };
            yield return new BulletList([.. people.SelectMany(g => g.Select(h => $"{g.Key} {h.Text}."))]);
        }
    }

    private static IEnumerable<Block> Problems(AppreciationView view, ReportContext context, string quarter)
    {
        if (view.Problems.Count == 0)
        {
            yield break;
        }

        yield return new Heading("Problems solved");
        var withSolver = !context.IsDepartment;
        IReadOnlyList<TableColumn> columns = withSolver
            ? [TableColumn.Text("Problem", 2.6f), TableColumn.Text("Fixed", 1.1f), TableColumn.Number("Incidents before"), TableColumn.Number("Prevented (est.)"), TableColumn.Text("Solved by", 1.4f)]
            : [TableColumn.Text("Problem", 3f), TableColumn.Text("Team", 1.2f), TableColumn.Text("Fixed", 1.1f), TableColumn.Number("Incidents before"), TableColumn.Number("Prevented (est.)")];
        var rows = view.Problems.OrderByDescending(p => p.PreventedEstimate).ThenBy(p => p.ProblemId, StringComparer.Ordinal).Take(MaxProblems).Select(p =>
        {
            var name = p.Title is null ? p.ProblemId : $"{p.ProblemId} {p.Title}";
            var fixedOn = TimeZoneInfo.ConvertTime(p.FixedAt, context.Zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            return withSolver
                ? (IReadOnlyList<string>)[name, fixedOn, Figures.Count(p.LinkedBefore), Figures.Count(p.PreventedEstimate), p.SolvedBy ?? ""]
                : [name, p.Team, fixedOn, Figures.Count(p.LinkedBefore), Figures.Count(p.PreventedEstimate)];
        }).ToList();
        yield return new Table(columns, rows);
        if (view.Problems.Count > MaxProblems)
        {
            yield return new Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"The {MaxProblems} with the most incidents prevented; {view.Problems.Count - MaxProblems} more were solved, preventing about {Figures.Count(view.Problems.OrderByDescending(p => p.PreventedEstimate).Skip(MaxProblems).Sum(p => p.PreventedEstimate))} incidents between them."));
        }

        yield return new Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Prevented incidents are estimated from the rate of linked incidents before the fix, over the {view.Problems[0].PreventionWeeks} weeks after it, less any that still came. Quarter: {quarter}.")) { Muted = true };
    }

    private static IEnumerable<Block> ThankYous(AppreciationView view, ReportContext context, string quarter)
    {
        yield return new Heading("Thank-yous");
        if (view.ThankYous.Count == 0)
        {
            yield return new Paragraph($"No thank-yous in customer feedback this quarter ({quarter}).");
            yield break;
        }

        yield return new Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"{(view.ThankYous.Count == 1 ? "1 customer" : $"{Figures.Count(view.ThankYous.Count)} customers")} said thank you this quarter. {(view.ThankYous.Count(t => t.Quotable) > MaxQuotes ? "The most recent" : "Their words")}, with names removed (thanks to colleagues who asked not to be named are counted, not quoted):"));
        foreach (var thanks in view.ThankYous.Where(t => t.Quotable).OrderByDescending(t => t.GivenAt).Take(MaxQuotes))
        {
            var when = TimeZoneInfo.ConvertTime(thanks.GivenAt, context.Zone).ToString("d MMM", CultureInfo.InvariantCulture);
            var who = thanks.Agent is null ? (context.IsDepartment ? thanks.Team : "the team") : thanks.Agent;
            yield return new Callout($"“{thanks.Comment}”", CalloutSeverity.Positive) { Title = $"{when}, for {who} ({thanks.Score}/5)" };
        }
    }

    private static IEnumerable<Block> Rules(IReadOnlyDictionary<WorkCategory, double> estimates)
    {
        yield return new Heading("How this is counted");
        yield return new Paragraph("Each resolved ticket is counted once, in the week it was resolved, for the team that held it last. Configurable rules sort it by kind of work: user-reported incidents are the visible part; requests and provisioning (accounts, laptops, access, onboarding and offboarding), changes, problem management, maintenance (patching, backups, certificates, upgrades) and work raised by monitoring happen behind the scenes, as do knowledge articles and registered time without a ticket.");
        yield return new Table(
            [TableColumn.Text("Kind of work", 2f), TableColumn.Number("Minutes assumed per item without registered time", 2f)],
            [.. estimates.Where(e => e.Value > 0).Select(e => (IReadOnlyList<string>)[WorkCategoryNames.Of(e.Key), Figures.Count(e.Value)])]);
        yield return new Paragraph("Recognition names what someone did, never how they compare: there is no ranking.") { Muted = true };
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
