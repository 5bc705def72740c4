using System.Globalization;
using Analytics.Workload;
using Reports.Charts;
using Reports.Layout;

namespace Reports.Documents;

/// <summary>
/// The weekly workload report for a team (with per-agent load, for that team's manager) or for the
/// department (teams only): overload flags and their reasons first, then trends, service levels,
/// when work arrives, the work behind the scenes, the forecast, data quality and definitions.
/// </summary>
public static class WeeklyWorkloadReport
{
    public const string Title = "Weekly workload report";

    public static ReportDocument Compose(WeeklyReportModel model, ReportFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fonts);
        var context = model.Context;
        var view = model.Workload;
        var document = new ReportDocument(
            new ReportMetadata($"{Title} – {context.Subject} – {context.Week}", $"Workload of {context.Subject} in {context.Period}", "IT workload monitor"),
            new PageHeaderInfo(Title, context.Subject, context.Period, context.DataAsOf) { TimeZone = context.Zone });

        var now = view.Current;
        if (now is null)
        {
            document.Add(new Heading("Summary"));
            document.Add(new Callout($"Figures for {context.Subject} are not shown: they would describe fewer than {context.MinimumGroupSize} people.", CalloutSeverity.Info));
            return document.AddRange(CommonSections.DataQuality(model.Quality, context)).AddRange(CommonSections.Definitions(context.MinimumGroupSize));
        }

        var before = view.Trend.Count > 1 ? view.Trend[^2] : null;
        document.Add(new Heading("Summary"))
            .Add(new Paragraph(WeeklyNarrative.Summary(context.Subject, now, before, view.TeamFlags, context.IsDepartment, view.UnnamedTeamFlags)))
            .Add(Tiles(now, before));

        document.AddRange(Flags(view, context));
        document.AddRange(Flow(view, fonts, context));
        document.AddRange(ServiceLevels(view, now, before));
        if (context.IsDepartment)
        {
            document.AddRange(Teams(view, context));
        }
        else
        {
            document.AddRange(Agents(view, fonts));
        }

        document.AddRange(Arrivals(model, fonts));
        document.AddRange(BehindTheScenes(model, fonts));
        document.AddRange(CommonSections.Forecast(model.Forecast, fonts, context.Subject));
        document.AddRange(CommonSections.DataQuality(model.Quality, context));
        document.AddRange(CommonSections.Definitions(context.MinimumGroupSize));
        return document;
    }

    private static KpiRow Tiles(WeeklyTeamMetrics now, WeeklyTeamMetrics? before) => new(
    [
        new KpiTile(Figures.Count(now.Incoming), "Incoming tickets", Figures.Change(now.Incoming, before?.Incoming, null)),
        new KpiTile(Figures.Count(now.Resolved), "Resolved tickets", Figures.Change(now.Resolved, before?.Resolved, true)),
        new KpiTile(Figures.Count(now.Backlog), "Open backlog at week end", Figures.Change(now.Backlog, before?.Backlog, false)),
        new KpiTile(Figures.Percent(now.SlaCompliance), "Resolved within SLA", Figures.Change(now.SlaCompliance, before?.SlaCompliance, true, percentPoints: true)),
        new KpiTile(Figures.Number(now.DaysToClear), "Working days to clear the backlog", Figures.Change(now.DaysToClear, before?.DaysToClear, false)),
        new KpiTile(Figures.Percent(now.AfterHoursShare), "Resolved outside working hours", Figures.Change(now.AfterHoursShare, before?.AfterHoursShare, false, percentPoints: true)),
        new KpiTile(Figures.Number(now.WipPerAgent), PerAgentLabel(now), Figures.Change(now.WipPerAgent, before?.WipPerAgent, false)),
        new KpiTile(Figures.Hours(now.ResolutionBusinessHoursMedian), "Median working hours to resolve", Figures.Change(now.ResolutionBusinessHoursMedian, before?.ResolutionBusinessHoursMedian, false)),
    ]);

    /// <summary>Agents on leave all week are left out of the average; the label says so, so their absence is not read as slack.</summary>
    private static string PerAgentLabel(WeeklyTeamMetrics now) =>
        now.AgentsOnLeave == 0 ? "Open tickets per agent" : "Open tickets per agent at work";

    private static IEnumerable<Block> Flags(WorkloadView view, ReportContext context)
    {
        yield return new Heading("Overload signals");
        if (view.FlaggedTeams == 0)
        {
            yield return new Callout(context.IsDepartment ? "No team is flagged this week." : "The team is not flagged this week.", CalloutSeverity.Positive);
        }

        if (view.UnnamedTeamFlags > 0)
        {
            yield return new Callout(string.Create(CultureInfo.InvariantCulture,
                $"{view.UnnamedTeamFlags} {(view.UnnamedTeamFlags == 1 ? "team is" : "teams are")} flagged but not named: {(view.UnnamedTeamFlags == 1 ? "it is" : "they are")} among the smaller teams, whose figures are shown only together so that they never describe fewer than {context.MinimumGroupSize} people. Each team's manager gets the reasons in the team's own report."), CalloutSeverity.Warning)
            {
                Title = "Flagged teams not named",
            };
        }

        foreach (var flag in view.TeamFlags)
        {
            yield return new Callout(string.Join("\n", flag.Reasons.Select(r => "• " + Sentence(r.Text))), Severity(flag.Severity))
            {
                Title = $"{flag.Team}: {flag.Severity.ToString().ToLowerInvariant()}",
            };
        }

        if (!context.IsDepartment && view.AgentFlags.Count > 0)
        {
            yield return new Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{view.AgentFlags.Count} {(view.AgentFlags.Count == 1 ? "agent shows" : "agents show")} signs of overload; see \"Per-agent load\" below.")) { Muted = true };
        }
    }

    private static IEnumerable<Block> Flow(WorkloadView view, ReportFonts fonts, ReportContext context)
    {
        yield return new Heading("Flow of work");
        yield return new WeeklyFlowChartBuilder(fonts).Build(ChartData.Flow(view.Trend), $"Incoming and resolved per week, {context.Subject}").ToSlot(220, "Bars: tickets in and resolved per week. Line: open backlog at each week's end (right axis).");
        var recent = view.Trend.TakeLast(6).Reverse();
        yield return new Table(
            [TableColumn.Text("Week", 1.1f), TableColumn.Number("Incoming"), TableColumn.Number("Resolved"), TableColumn.Number("Passed on"), TableColumn.Number("Backlog"), TableColumn.Number("Days to clear"), TableColumn.Number("SLA")],
            [.. recent.Select(w => (IReadOnlyList<string>)[w.Week.ToString(), Figures.Count(w.Incoming), Figures.Count(w.Resolved), Figures.Count(w.PassedOn), Figures.Count(w.Backlog), Figures.Number(w.DaysToClear), Figures.Percent(w.SlaCompliance)])]);
    }

    private static IEnumerable<Block> ServiceLevels(WorkloadView view, WeeklyTeamMetrics now, WeeklyTeamMetrics? before)
    {
        yield return new Heading("Service levels and ageing");
        var usual = view.Trend.Count > 2 ? view.Trend.Take(view.Trend.Count - 1).ToList() : [];
        double? Median(Func<WeeklyTeamMetrics, double?> pick) => usual.Count == 0 ? null : Baseline(usual.Select(pick));
        IReadOnlyList<string> Row(string name, Func<WeeklyTeamMetrics, double?> pick, Func<double?, string> format) =>
            [name, format(pick(now)), before is null ? "–" : format(pick(before)), format(Median(pick))];

        yield return new Table(
            [TableColumn.Text("Figure", 2.2f), TableColumn.Number("This week"), TableColumn.Number("Last week"), TableColumn.Number("Usual (median)")],
            [
                Row("SLA compliance", m => m.SlaCompliance, Figures.Percent),
                Row("First-contact resolution", m => m.FirstContactResolution, Figures.Percent),
                Row("Reopen rate", m => m.ReopenRate, Figures.Percent),
                Row("Reassignment rate", m => m.ReassignmentRate, Figures.Percent),
                Row("Resolution time, median", m => m.ResolutionHoursMedian, Figures.Hours),
                Row("Resolution time, 90th percentile", m => m.ResolutionHoursP90, Figures.Hours),
                Row("Working hours to resolve, median", m => m.ResolutionBusinessHoursMedian, Figures.Hours),
                Row("Working hours to resolve, 90th percentile", m => m.ResolutionBusinessHoursP90, Figures.Hours),
                Row("Backlog age, median", m => m.BacklogAgeMedianDays, Figures.Days),
                Row("Backlog age, 90th percentile", m => m.BacklogAgeP90Days, Figures.Days),
                Row("Resolved outside working hours", m => m.AfterHoursShare, Figures.Percent),
            ]);
        yield return new Paragraph($"\"Usual\" is the median of the {usual.Count} weeks before this one.") { Muted = true };
    }

    private static IEnumerable<Block> Teams(WorkloadView view, ReportContext context)
    {
        yield return new Heading("Teams this week");
        var rows = view.Teams.Select(t => t.Metrics is { } m
            ? (IReadOnlyList<string>)[t.Team, Figures.Count(m.Incoming), Figures.Count(m.Resolved), Figures.Count(m.Backlog), Figures.Number(m.DaysToClear), Figures.Percent(m.SlaCompliance), Figures.Percent(m.AfterHoursShare), m.AgentsOnStaff - m.AgentsOnLeave >= context.MinimumGroupSize ? Figures.Number(m.WipPerAgent) : Figures.Unknown]
            : [t.Team, "not shown", "", "", "", "", "", ""]).ToList();
        yield return new Table(
            [TableColumn.Text("Team", 2f), TableColumn.Number("In"), TableColumn.Number("Resolved"), TableColumn.Number("Backlog"), TableColumn.Number("Days to clear"), TableColumn.Number("SLA"), TableColumn.Number("After hours"), TableColumn.Number("Open per agent")],
            rows);
        var note = CommonSections.TeamRowsNote(view.Teams.Select(t => (t.Team, t.MergedTeams, !t.Suppressed)), context.MinimumGroupSize);

        // The backlog over one or two agents is their own load, which only their team's report may show.
        note = (note + string.Create(CultureInfo.InvariantCulture, $" Open per agent is shown for teams with {context.MinimumGroupSize} or more agents at work.")).Trim();
        yield return new Paragraph(note) { Muted = true };
    }

    private static IEnumerable<Block> Agents(WorkloadView view, ReportFonts fonts)
    {
        yield return new Heading("Per-agent load");
        yield return new Paragraph("Personal data for the team's own manager: it is not in any other report. Figures show load, not performance; resolved counts depend on the kind of work each person holds.") { Muted = true, KeepWithNext = true };
        if (view.Agents.Count == 0)
        {
            yield return new Paragraph("No agents on staff this week.");
            yield break;
        }

        var anyHours = view.Agents.Any(a => a.HoursLogged > 0);
        var onLeave = view.Agents.Where(a => a.OnLeave).Select(a => a.Agent).ToList();
        if (onLeave.Count > 0)
        {
            yield return new Paragraph($"On leave all week, and so left out of the per-agent figures and the team's capacity: {string.Join(", ", onLeave)}.") { Muted = true, KeepWithNext = true };
        }

        yield return new AgentWorkChartBuilder(fonts).Build(ChartData.WorkInProgress(view.Agents), "Open tickets per agent at week end").ToSlot(Math.Clamp(60 + (18 * view.Agents.Count), 140, 320));
        yield return new Table(
            [TableColumn.Text("Agent", 2.2f), TableColumn.Number("Resolved"), TableColumn.Number("Open"), TableColumn.Number("After hours"), TableColumn.Number("Hours logged", 1.2f), TableColumn.Number("Contract", 1.1f), TableColumn.Number("Passed on")],
            [.. view.Agents.Select(a => (IReadOnlyList<string>)[a.Agent, Figures.Count(a.Resolved), Figures.Count(a.WorkInProgress), Figures.Count(a.AfterHoursResolutions), anyHours ? Figures.Number(a.HoursLogged) : Figures.Unknown, ContractCell(a), Figures.Count(a.HandedOn)])]);
        yield return new Paragraph("An agent's figures count all the tickets they held, in any team; passed on counts hand-overs to a colleague or to another team." + (anyHours ? "" : " Nobody registered time this week, so hours logged are unknown, not zero.")) { Muted = true };
        foreach (var flag in view.AgentFlags)
        {
            yield return new Callout(string.Join("\n", flag.Reasons.Select(r => "• " + Sentence(r.Text))), Severity(flag.Severity)) { Title = $"{flag.Agent}: {flag.Severity.ToString().ToLowerInvariant()}" };
        }
    }

    /// <summary>The week's contract hours less leave; "on leave" for someone away all week, whose zeros are no idleness.</summary>
    private static string ContractCell(WeeklyAgentMetrics agent) =>
        agent.OnLeave ? "on leave" : agent.ContractHours is { } contract ? Figures.Number(contract, "0.#") : Figures.Unknown;

    private static IEnumerable<Block> Arrivals(WeeklyReportModel model, ReportFonts fonts)
    {
        if (model.Incoming is not { } pattern)
        {
            yield break;
        }

        yield return new Heading("When work arrives");
        yield return new IncomingHeatmapChartBuilder(fonts).Build(ChartData.Heatmap(pattern), $"Tickets opened by weekday and hour, {pattern.From} to {pattern.To}").ToSlot(210);
        var peak = Enumerable.Range(0, 7 * 24).MaxBy(i => pattern.Counts[i / 24, i % 24]);
        var total = pattern.Total;
        if (total > 0)
        {
            var days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
            var outside = Enumerable.Range(0, 7 * 24).Where(i => i / 24 >= 5 || i % 24 < 8 || i % 24 >= 18).Sum(i => pattern.Counts[i / 24, i % 24]);
            yield return new Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"The busiest hour was {days[peak / 24]} {peak % 24:00}:00–{peak % 24 + 1:00}:00 with {pattern.Counts[peak / 24, peak % 24]} tickets; {Figures.Percent((double)outside / total)} of {Figures.Count(total)} tickets arrived before 08:00, after 18:00 or in the weekend."));
        }
    }

    private static IEnumerable<Block> BehindTheScenes(WeeklyReportModel model, ReportFonts fonts)
    {
        if (model.BehindTheScenes.Count == 0)
        {
            yield break;
        }

        yield return new Heading("Work behind the scenes");
        yield return new InvisibleWorkChartBuilder(fonts).Build(ChartData.WorkShares(model.BehindTheScenes), "Share of hours by kind of work").ToSlot(230, "Hours from time registrations where present, else the configured estimate per kind of work.");
        var last = model.BehindTheScenes[^1];
        if (last.BehindTheScenesShare is { } share)
        {
            yield return new Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"In {last.From} {Figures.Percent(share)} of the hours went to work users never see: requests and provisioning, changes, maintenance, monitoring, problem solving, knowledge articles and work without a ticket. The appreciation summary shows it in detail."));
        }
    }

    private static double? Baseline(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().Select(v => (float)v).ToArray();
        return Percentile.Of(known, 0.5);
    }

    internal static CalloutSeverity Severity(FlagSeverity severity) => severity switch
    {
        FlagSeverity.Critical => CalloutSeverity.Critical,
        FlagSeverity.Warning => CalloutSeverity.Warning,
        _ => CalloutSeverity.Info,
    };

    internal static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
}
