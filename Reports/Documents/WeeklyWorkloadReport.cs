using Analytics.Workload;
using Reports.Charts;
using Reports.Layout;
using Reports.Text;

namespace Reports.Documents;

/// <summary>
/// The weekly workload report for a team (with per-agent load, for that team's manager) or for the
/// department (teams only): overload flags and their reasons first, then trends, service levels,
/// when work arrives, the work behind the scenes, the forecast, data quality and definitions.
/// </summary>
public static class WeeklyWorkloadReport
{
    /// <summary>The report's title in English; reports use the title in their readers' language.</summary>
    public static string Title => Wording.English["Weekly.Title"];

    public static ReportDocument Compose(WeeklyReportModel model, ReportFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fonts);
        var context = model.Context;
        var t = context.Words;
        var view = model.Workload;
        var title = t["Weekly.Title"];
        var document = new ReportDocument(
            new ReportMetadata($"{title} – {context.Subject} – {t.Week(context.Week)}", t.Format("Weekly.Metadata.Subject", context.Subject, context.Period), t["Report.Author"]) { Creator = t["Report.Author"] },
            new PageHeaderInfo(title, context.Subject, context.Period, context.DataAsOf) { TimeZone = context.Zone, Words = t });

        var now = view.Current;
        if (now is null)
        {
            document.Add(new Heading(t["Section.Summary"]));
            document.Add(new Callout(t.Format("Common.TooFewPeople", context.Subject, context.MinimumGroupSize), CalloutSeverity.Info));
            return document.AddRange(CommonSections.DataQuality(model.Quality, context)).AddRange(CommonSections.Definitions(context));
        }

        var before = view.Trend.Count > 1 ? view.Trend[^2] : null;
        document.Add(new Heading(t["Section.Summary"]))
            .Add(new Paragraph(WeeklyNarrative.Summary(t, context.Subject, now, before, view.TeamFlags, context.IsDepartment, view.UnnamedTeamFlags)))
            .Add(Tiles(t, now, before));

        document.AddRange(Flags(view, context));
        document.AddRange(Flow(view, fonts, context));
        document.AddRange(ServiceLevels(t, view, now, before));
        if (context.IsDepartment)
        {
            document.AddRange(Teams(view, context));
        }
        else
        {
            document.AddRange(Agents(view, fonts, t));
        }

        document.AddRange(Arrivals(model, fonts, t));
        document.AddRange(BehindTheScenes(model, fonts, t));
        document.AddRange(CommonSections.Forecast(model.Forecast, fonts, context));
        document.AddRange(CommonSections.DataQuality(model.Quality, context));
        document.AddRange(CommonSections.Definitions(context));
        return document;
    }

    private static KpiRow Tiles(Wording t, WeeklyTeamMetrics now, WeeklyTeamMetrics? before) => new(
    [
        new KpiTile(t.Count(now.Incoming), t["Weekly.Tile.Incoming"], t.Change(now.Incoming, before?.Incoming, null)),
        new KpiTile(t.Count(now.Resolved), t["Weekly.Tile.Resolved"], t.Change(now.Resolved, before?.Resolved, true)),
        new KpiTile(t.Count(now.Backlog), t["Weekly.Tile.Backlog"], t.Change(now.Backlog, before?.Backlog, false)),
        new KpiTile(t.Percent(now.SlaCompliance), t["Weekly.Tile.Sla"], t.Change(now.SlaCompliance, before?.SlaCompliance, true, percentPoints: true)),
        new KpiTile(t.Number(now.DaysToClear), t["Weekly.Tile.DaysToClear"], t.Change(now.DaysToClear, before?.DaysToClear, false)),
        new KpiTile(t.Percent(now.AfterHoursShare), t["Weekly.Tile.AfterHours"], t.Change(now.AfterHoursShare, before?.AfterHoursShare, false, percentPoints: true)),
        new KpiTile(t.Number(now.WipPerAgent), PerAgentLabel(t, now), t.Change(now.WipPerAgent, before?.WipPerAgent, false)),
        new KpiTile(t.Hours(now.ResolutionBusinessHoursMedian), t["Weekly.Tile.WorkingHoursToResolve"], t.Change(now.ResolutionBusinessHoursMedian, before?.ResolutionBusinessHoursMedian, false)),
    ]);

    /// <summary>Agents on leave all week are left out of the average; the label says so, so their absence is not read as slack.</summary>
    private static string PerAgentLabel(Wording t, WeeklyTeamMetrics now) =>
        now.AgentsOnLeave == 0 ? t["Weekly.Tile.OpenPerAgent"] : t["Weekly.Tile.OpenPerAgentAtWork"];

    /// <summary>A flag's title: "Workplace: critical".</summary>
    internal static string FlagTitle(Wording t, string who, FlagSeverity severity) => t.Format("Flag.Title", who, t["Severity." + severity]);

    /// <summary>A flag's reasons as sentences in the readers' language.</summary>
    internal static IEnumerable<string> Reasons(Wording t, IEnumerable<FlagReason> reasons) =>
        reasons.Select(r => r.Phrase is { } phrase ? t.Sentence(phrase) : Wording.Capitalised(r.Text));

    private static IEnumerable<Block> Flags(WorkloadView view, ReportContext context)
    {
        var t = context.Words;
        yield return new Heading(t["Weekly.Flags.Heading"]);
        if (view.FlaggedTeams == 0)
        {
            yield return new Callout(context.IsDepartment ? t["Weekly.Flags.NoTeam"] : t["Weekly.Flags.NotTheTeam"], CalloutSeverity.Positive);
        }

        if (view.UnnamedTeamFlags > 0)
        {
            yield return new Callout(t.Plural("Weekly.Flags.Unnamed", view.UnnamedTeamFlags, view.UnnamedTeamFlags, context.MinimumGroupSize), CalloutSeverity.Warning)
            {
                Title = t["Weekly.Flags.UnnamedTitle"],
            };
        }

        foreach (var flag in view.TeamFlags)
        {
            yield return new Callout(string.Join("\n", Reasons(t, flag.Reasons).Select(r => "• " + r)), Severity(flag.Severity))
            {
                Title = FlagTitle(t, flag.Team, flag.Severity),
            };
        }

        if (!context.IsDepartment && view.AgentFlags.Count > 0)
        {
            yield return new Paragraph(t.Plural("Weekly.Flags.Agents", view.AgentFlags.Count, view.AgentFlags.Count)) { Muted = true };
        }
    }

    private static IEnumerable<Block> Flow(WorkloadView view, ReportFonts fonts, ReportContext context)
    {
        var t = context.Words;
        yield return new Heading(t["Weekly.Flow.Heading"]);
        yield return new WeeklyFlowChartBuilder(fonts, t).Build(ChartData.Flow(view.Trend), t.Format("Chart.Flow.TitleFor", context.Subject)).ToSlot(220, t["Weekly.Flow.ChartNote"]);
        var recent = view.Trend.TakeLast(6).Reverse();
        yield return new Table(
            [TableColumn.Text(t["Column.Week"], 1.1f), TableColumn.Number(t["Column.Incoming"]), TableColumn.Number(t["Column.Resolved"]), TableColumn.Number(t["Column.PassedOn"]), TableColumn.Number(t["Column.Backlog"]), TableColumn.Number(t["Column.DaysToClear"]), TableColumn.Number(t["Column.Sla"])],
            [.. recent.Select(w => (IReadOnlyList<string>)[t.Week(w.Week), t.Count(w.Incoming), t.Count(w.Resolved), t.Count(w.PassedOn), t.Count(w.Backlog), t.Number(w.DaysToClear), t.Percent(w.SlaCompliance)])]);
    }

    private static IEnumerable<Block> ServiceLevels(Wording t, WorkloadView view, WeeklyTeamMetrics now, WeeklyTeamMetrics? before)
    {
        yield return new Heading(t["Weekly.Service.Heading"]);
        var usual = view.Trend.Count > 2 ? view.Trend.Take(view.Trend.Count - 1).ToList() : [];
        double? Median(Func<WeeklyTeamMetrics, double?> pick) => usual.Count == 0 ? null : Baseline(usual.Select(pick));
        IReadOnlyList<string> Row(string key, Func<WeeklyTeamMetrics, double?> pick, Func<double?, string> format) =>
            [t[key], format(pick(now)), before is null ? Wording.Dash : format(pick(before)), format(Median(pick))];

        yield return new Table(
            [TableColumn.Text(t["Column.Figure"], 2.2f), TableColumn.Number(t["Column.ThisWeek"]), TableColumn.Number(t["Column.LastWeek"]), TableColumn.Number(t["Column.Usual"])],
            [
                Row("Weekly.Service.Sla", m => m.SlaCompliance, t.Percent),
                Row("Weekly.Service.FirstContact", m => m.FirstContactResolution, t.Percent),
                Row("Weekly.Service.Reopen", m => m.ReopenRate, t.Percent),
                Row("Weekly.Service.Reassignment", m => m.ReassignmentRate, t.Percent),
                Row("Weekly.Service.ResolutionMedian", m => m.ResolutionHoursMedian, t.Hours),
                Row("Weekly.Service.ResolutionP90", m => m.ResolutionHoursP90, t.Hours),
                Row("Weekly.Service.WorkingHoursMedian", m => m.ResolutionBusinessHoursMedian, t.Hours),
                Row("Weekly.Service.WorkingHoursP90", m => m.ResolutionBusinessHoursP90, t.Hours),
                Row("Weekly.Service.AgeMedian", m => m.BacklogAgeMedianDays, t.Days),
                Row("Weekly.Service.AgeP90", m => m.BacklogAgeP90Days, t.Days),
                Row("Weekly.Service.AfterHours", m => m.AfterHoursShare, t.Percent),
            ]);
        yield return new Paragraph(t.Format("Weekly.Service.UsualNote", usual.Count)) { Muted = true };
    }

    private static IEnumerable<Block> Teams(WorkloadView view, ReportContext context)
    {
        var t = context.Words;
        yield return new Heading(t["Weekly.Teams.Heading"]);
        var rows = view.Teams.Select(team => team.Metrics is { } m
            ? (IReadOnlyList<string>)[team.Team, t.Count(m.Incoming), t.Count(m.Resolved), t.Count(m.Backlog), t.Number(m.DaysToClear), t.Percent(m.SlaCompliance), t.Percent(m.AfterHoursShare), m.AgentsOnStaff - m.AgentsOnLeave >= context.MinimumGroupSize ? t.Number(m.WipPerAgent) : t.Unknown]
            : [team.Team, t["Common.NotShown"], "", "", "", "", "", ""]).ToList();
        yield return new Table(
            [TableColumn.Text(t["Column.Team"], 2f), TableColumn.Number(t["Column.In"]), TableColumn.Number(t["Column.Resolved"]), TableColumn.Number(t["Column.Backlog"]), TableColumn.Number(t["Column.DaysToClear"]), TableColumn.Number(t["Column.Sla"]), TableColumn.Number(t["Column.AfterHours"]), TableColumn.Number(t["Column.OpenPerAgent"])],
            rows);
        var note = CommonSections.TeamRowsNote(t, view.Teams.Select(x => (x.Team, x.MergedTeams, !x.Suppressed)), context.MinimumGroupSize);

        // The backlog over one or two agents is their own load, which only their team's report may show.
        note = (note + " " + t.Format("Weekly.Teams.OpenPerAgentNote", context.MinimumGroupSize)).Trim();
        yield return new Paragraph(note) { Muted = true };
    }

    private static IEnumerable<Block> Agents(WorkloadView view, ReportFonts fonts, Wording t)
    {
        yield return new Heading(t["Weekly.Agents.Heading"]);
        yield return new Paragraph(t["Weekly.Agents.Privacy"]) { Muted = true, KeepWithNext = true };
        if (view.Agents.Count == 0)
        {
            yield return new Paragraph(t["Weekly.Agents.None"]);
            yield break;
        }

        var anyHours = view.Agents.Any(a => a.HoursLogged > 0);
        var onLeave = view.Agents.Where(a => a.OnLeave).Select(a => a.Agent).ToList();
        if (onLeave.Count > 0)
        {
            yield return new Paragraph(t.Format("Weekly.Agents.OnLeave", string.Join(", ", onLeave))) { Muted = true, KeepWithNext = true };
        }

        yield return new AgentWorkChartBuilder(fonts, t).Build(ChartData.WorkInProgress(view.Agents), t["Chart.Agents.TitleWeekEnd"]).ToSlot(Math.Clamp(60 + (18 * view.Agents.Count), 140, 320));
        yield return new Table(
            [TableColumn.Text(t["Column.Agent"], 2.2f), TableColumn.Number(t["Column.Resolved"]), TableColumn.Number(t["Column.Open"]), TableColumn.Number(t["Column.AfterHours"]), TableColumn.Number(t["Column.HoursLogged"], 1.2f), TableColumn.Number(t["Column.Contract"], 1.1f), TableColumn.Number(t["Column.PassedOn"])],
            [.. view.Agents.Select(a => (IReadOnlyList<string>)[a.Agent, t.Count(a.Resolved), t.Count(a.WorkInProgress), t.Count(a.AfterHoursResolutions), anyHours ? t.Number(a.HoursLogged) : t.Unknown, ContractCell(t, a), t.Count(a.HandedOn)])]);
        yield return new Paragraph(t["Weekly.Agents.Note"] + (anyHours ? "" : " " + t["Weekly.Agents.NoHours"])) { Muted = true };
        foreach (var flag in view.AgentFlags)
        {
            yield return new Callout(string.Join("\n", Reasons(t, flag.Reasons).Select(r => "• " + r)), Severity(flag.Severity)) { Title = FlagTitle(t, flag.Agent, flag.Severity) };
        }
    }

    /// <summary>The week's contract hours less leave; "on leave" for someone away all week, whose zeros are no idleness.</summary>
    private static string ContractCell(Wording t, WeeklyAgentMetrics agent) =>
        agent.OnLeave ? t["Weekly.Agents.OnLeaveCell"] : agent.ContractHours is { } contract ? t.Number(contract, "0.#") : t.Unknown;

    private static IEnumerable<Block> Arrivals(WeeklyReportModel model, ReportFonts fonts, Wording t)
    {
        if (model.Incoming is not { } pattern)
        {
            yield break;
        }

        yield return new Heading(t["Weekly.Arrivals.Heading"]);
        yield return new IncomingHeatmapChartBuilder(fonts, t).Build(ChartData.Heatmap(pattern), t.Format("Chart.Heatmap.TitleFor", t.Week(pattern.From), t.Week(pattern.To))).ToSlot(210);
        var peak = Enumerable.Range(0, 7 * 24).MaxBy(i => pattern.Counts[i / 24, i % 24]);
        var total = pattern.Total;
        if (total > 0)
        {
            var outside = Enumerable.Range(0, 7 * 24).Where(i => i / 24 >= 5 || i % 24 < 8 || i % 24 >= 18).Sum(i => pattern.Counts[i / 24, i % 24]);
            var day = t.Culture.DateTimeFormat.GetDayName((DayOfWeek)((peak / 24 + 1) % 7));
            yield return new Paragraph(t.Format("Weekly.Arrivals.Peak", day, peak % 24, peak % 24 + 1, t.Count(pattern.Counts[peak / 24, peak % 24]), t.Percent((double)outside / total), t.Count(total)));
        }
    }

    private static IEnumerable<Block> BehindTheScenes(WeeklyReportModel model, ReportFonts fonts, Wording t)
    {
        if (model.BehindTheScenes.Count == 0)
        {
            yield break;
        }

        yield return new Heading(t["Weekly.Behind.Heading"]);
        yield return new InvisibleWorkChartBuilder(fonts, t).Build(ChartData.WorkShares(model.BehindTheScenes, t), t["Chart.Work.TitleHours"]).ToSlot(230, t["Weekly.Behind.ChartNote"]);
        var last = model.BehindTheScenes[^1];
        if (last.BehindTheScenesShare is { } share)
        {
            yield return new Paragraph(t.Format("Weekly.Behind.Share", t.Week(last.From), t.Percent(share)));
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

}
