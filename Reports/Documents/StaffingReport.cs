using Analytics.Forecasting.Staffing;
using Reports.Charts;
using Reports.Layout;
using Reports.Text;

namespace Reports.Documents;

/// <summary>
/// The staffing forecast: the coming weeks' tickets with their ranges, turned into hours and FTE and
/// set against the roster; the gap per week; the options (extra FTE, deferring changes) with their
/// predicted effect on the backlog; the forecast's accuracy in plain words.
/// </summary>
public static class StaffingReport
{
    /// <summary>The report's title in English; reports use the title in their readers' language.</summary>
    public static string Title => Wording.English["Staffing.Title"];

    public static ReportDocument Compose(StaffingReportModel model, ReportFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fonts);
        var context = model.Context;
        var t = context.Words;
        var title = t["Staffing.Title"];
        var document = new ReportDocument(
            new ReportMetadata($"{title} – {context.Subject} – {t.Week(context.Week)}", t.Format("Staffing.Metadata.Subject", context.Subject, t.Week(context.Week)), t["Report.Author"]) { Creator = t["Report.Author"] },
            new PageHeaderInfo(title, context.Subject, context.Period, context.DataAsOf) { TimeZone = context.Zone, Words = t });

        document.Add(new Heading(t["Section.Summary"]));
        if (model.Missing is not null || model.Weeks.Count == 0)
        {
            document.Add(new Callout(Missing(t, model), CalloutSeverity.Info) { Title = t["Staffing.MissingTitle"] });
            return document.AddRange(CommonSections.DataQuality(model.Quality, context));
        }

        var weeks = model.Weeks;
        document.Add(new Paragraph(Summary(model)))
            .Add(context.IsDepartment ? DepartmentTiles(t, model.View) : Tiles(t, weeks))
            .Add(new StaffingChartBuilder(fonts, t).Build([.. weeks.Select(w => new StaffingWeek(ChartData.Label(w.Week), w.NeededFte, w.AvailableFte))], t.Format("Chart.Staffing.TitleFor", context.Subject)).ToSlot(220, t["Staffing.ChartNote"]))
            .Add(WeekTable(t, weeks));

        document.AddRange(Options(t, model));
        if (context.IsDepartment)
        {
            document.AddRange(Teams(model));
        }

        document.AddRange(CommonSections.Forecast(model.Forecast, fonts, context));
        document.AddRange(Categories(t, model.Categories));
        document.AddRange(Queues(t, weeks));
        document.AddRange(Method(t));
        document.AddRange(CommonSections.DataQuality(model.Quality, context));
        return document;
    }

    /// <summary>Why there is no staffing forecast, in the readers' language.</summary>
    internal static string Missing(Wording t, StaffingReportModel model) =>
        model.View.MissingPhrase is { } phrase ? t.Say(phrase) : model.Missing ?? t.Format("Staffing.Missing.NoSeries", model.Context.Subject);

    private static string Summary(StaffingReportModel model)
    {
        var t = model.Context.Words;
        var weeks = model.Weeks;
        var needed = weeks.Average(w => w.NeededFte);
        var text = t.Format("Staffing.Summary.Expected", weeks.Count, t.Week(weeks[0].Week), t.Week(weeks[^1].Week), model.Context.Subject, t.Count(weeks.Sum(w => w.Volume)), t.Number(weeks.Average(w => w.NeededHours), "#,0"), t.Number(needed));
        if (model.Context.IsDepartment && model.View.Gaps.Count > 0)
        {
            text += ". " + DepartmentGaps(t, model.View);
        }
        else if (AverageAvailable(weeks) is not { } available)
        {
            // Capacity unknown (contract hours not on the roster): say so rather than compare with a 0.
            text += " " + t["Staffing.Summary.UnknownCapacity"];
        }
        else
        {
            var shortWeeks = StaffingView.WeeksShort(weeks);
            text += " " + t.Format("Staffing.Summary.Against", t.Number(available));
            text += " " + (shortWeeks == 0
                ? t["Staffing.Summary.Covered"]
                : t.Format("Staffing.Summary.Short", shortWeeks, weeks.Count, t.Number(weeks.Where(w => w.GapFte < 0).Average(w => -w.GapFte!.Value))));
        }

        if (model.Forecast is { } forecast)
        {
            text += " " + CommonSections.Accuracy(forecast, t);
        }

        return text;
    }

    private static double? AverageAvailable(IReadOnlyList<TeamWeekStaffing> weeks) => StaffingView.AverageAvailable(weeks);

    /// <summary>The department's short teams by name and its spare capacity apart, in one sentence for the summary and the mail.</summary>
    internal static string DepartmentGaps(Wording t, StaffingView view)
    {
        var shortTeams = view.ShortTeams;
        var spare = view.SpareTeams;
        var text = shortTeams.Count == 0
            ? t["Staffing.Gaps.NoneShort"]
            : string.Join("; ", shortTeams.Select(x => t.Format("Staffing.Gaps.TeamShort", x.Team, t.Number(-x.Gap), x.WeeksShort, view.Weeks.Count))) + ".";
        if (spare.Count > 0)
        {
            text += " " + t.Plural("Staffing.Gaps.Spare", spare.Count, t.Count(spare.Count), t.Number(view.SpareFte));
        }

        var unknown = view.Teams.Count(x => x.Weeks is { Count: > 0 } w && AverageAvailable(w) is null);
        if (unknown > 0)
        {
            text += " " + t.Plural("Staffing.Gaps.Unknown", unknown, unknown);
        }

        return text;
    }

    private static string Fte(Wording t, double? fte) => fte is { } f ? t.Number(f) : t.Unknown;

    private static string Gap(Wording t, double? gap) => gap is { } g ? (g >= 0 ? "+" : "−") + t.Number(Math.Abs(g)) : t.Unknown;

    /// <summary>The department's tiles keep short and spare apart (<see cref="StaffingView.ShortTeams"/>).</summary>
    private static KpiRow DepartmentTiles(Wording t, StaffingView view)
    {
        var weeks = view.Weeks;
        var next = weeks[0];
        if (view.Gaps.Count == 0)
        {
            return new KpiRow(
            [
                new KpiTile(t.Count(next.Volume), t.Format("Staffing.Tile.Expected", t.Week(next.Week))),
                new KpiTile(t.Number(weeks.Average(w => w.NeededFte)), t["Staffing.Tile.Needed"]),
                new KpiTile(Wording.Dash, t["Staffing.Tile.GapUnknown"]),
            ]);
        }

        var shortTeams = view.ShortTeams;
        var spareTeams = view.SpareTeams;
        return new KpiRow(
        [
            new KpiTile(t.Count(next.Volume), t.Format("Staffing.Tile.Expected", t.Week(next.Week))),
            new KpiTile(t.Number(weeks.Average(w => w.NeededFte)), t["Staffing.Tile.Needed"]),
            new KpiTile(shortTeams.Count == 0 ? t.Count(0) : "−" + t.Number(view.ShortFte),
                t.Plural("Staffing.Tile.ShortTeams", shortTeams.Count, t.Count(shortTeams.Count)),
                new KpiChange(shortTeams.Count == 0 ? t["Staffing.NoTeamShort"] : string.Join(", ", shortTeams.Take(3).Select(x => x.Team)), shortTeams.Count > 0 ? Trend.Down : Trend.Flat, shortTeams.Count > 0 ? Sentiment.Bad : Sentiment.Good)),
            new KpiTile("+" + t.Number(view.SpareFte), t.Plural("Staffing.Tile.SpareTeams", spareTeams.Count, t.Count(spareTeams.Count))),
        ]);
    }

    private static KpiRow Tiles(Wording t, IReadOnlyList<TeamWeekStaffing> weeks)
    {
        var next = weeks[0];
        var available = AverageAvailable(weeks);
        var gap = available - weeks.Average(w => w.NeededFte);
        return new KpiRow(
        [
            new KpiTile(t.Count(next.Volume), t.Format("Staffing.Tile.Expected", t.Week(next.Week))),
            new KpiTile(t.Number(weeks.Average(w => w.NeededFte)), t["Staffing.Tile.Needed"]),
            // A tile's large figure has no room for the word: the dash stands there and the label says it.
            available is { } a ? new KpiTile(t.Number(a), t["Staffing.Tile.Available"]) : new KpiTile(Wording.Dash, t["Staffing.Tile.AvailableUnknown"]),
            gap is { } g
                ? new KpiTile(Gap(t, g), g >= 0 ? t["Staffing.Tile.Spare"] : t["Staffing.Tile.Short"], new KpiChange(t.Plural("Staffing.Tile.WeeksShort", StaffingView.WeeksShort(weeks), StaffingView.WeeksShort(weeks)), g < 0 ? Trend.Down : Trend.Flat, g < 0 ? Sentiment.Bad : Sentiment.Good))
                : new KpiTile(Wording.Dash, t["Staffing.Tile.GapUnknown"]),
        ]);
    }

    private static Table WeekTable(Wording t, IReadOnlyList<TeamWeekStaffing> weeks) => new(
        [TableColumn.Text(t["Column.Week"], 1.1f), TableColumn.Number(t["Column.Tickets"]), TableColumn.Number(t["Column.UpTo80"]), TableColumn.Number(t["Column.HandsOnHours"], 1.2f), TableColumn.Number(t["Column.FteNeeded"]), TableColumn.Number(t["Column.FteAvailable"], 1.1f), TableColumn.Number(t["Column.Gap"])],
        [.. weeks.Select(w => (IReadOnlyList<string>)[t.Week(w.Week), t.Count(w.Volume), t.Count(w.VolumeUpper80), t.Number(w.NeededHours, "#,0"), t.Number(w.NeededFte), Fte(t, w.AvailableFte), Gap(t, w.GapFte)])]);

    /// <summary>A scenario's name and description in the readers' language.</summary>
    internal static (string Name, string Description) Scenario(Wording t, StaffingScenario scenario) =>
        (scenario.NamePhrase is { } name ? t.Say(name) : scenario.Name, scenario.DescriptionPhrase is { } description ? t.Say(description) : scenario.Description);

    private static IEnumerable<Block> Options(Wording t, StaffingReportModel model)
    {
        if (model.Scenarios.Count == 0)
        {
            yield break;
        }

        yield return new Heading(t["Staffing.Options.Heading"]);
        var four = Math.Min(3, model.Weeks.Count - 1);
        yield return new Table(
            [TableColumn.Text(t["Column.Option"], 1.3f), TableColumn.Text(t["Column.WhatItMeans"], 3f), TableColumn.Number(t.Format("Column.BacklogAfter", four + 1), 1.2f), TableColumn.Number(t.Format("Column.After", model.Weeks.Count), 1.1f)],
            [.. model.Scenarios.Select(s => Scenario(t, s) is var (name, description) ? (IReadOnlyList<string>)[name, description, t.Count(s.Backlog[four].Backlog), t.Count(s.FinalBacklog)] : [])]) { MaxLinesPerCell = 5 };
        yield return new Paragraph(t.Format("Staffing.Options.Note", t.Count(model.CurrentBacklog))) { Muted = true };
    }

    private static IEnumerable<Block> Teams(StaffingReportModel model)
    {
        var t = model.Context.Words;
        yield return new Heading(t["Staffing.Teams.Heading"]);
        yield return new Table(
            [TableColumn.Text(t["Column.Team"], 2f), TableColumn.Number(t["Column.FteNeeded"]), TableColumn.Number(t["Column.FteAvailable"], 1.1f), TableColumn.Number(t["Column.Gap"]), TableColumn.Number(t["Column.WeeksShort"], 1.1f)],
            [.. model.Teams.Select(x => x.Weeks is { Count: > 0 } w
                ? (IReadOnlyList<string>)[x.Team, t.Number(w.Average(y => y.NeededFte)), Fte(t, AverageAvailable(w)), AverageAvailable(w) is { } a ? Gap(t, a - w.Average(y => y.NeededFte)) : t.Unknown, AverageAvailable(w) is null ? t.Unknown : t.Count(StaffingView.WeeksShort(w))]
                : [x.Team, t["Common.NotShown"], "", "", ""])]);
        var note = CommonSections.TeamRowsNote(t, model.Teams.Select(x => (x.Team, x.MergedTeams, x.Weeks is { Count: > 0 })), model.Context.MinimumGroupSize);
        yield return new Paragraph(t["Staffing.Teams.Averages"] + (note.Length > 0 ? " " + note : "") + WithoutForecast(t, model.View.WithoutForecast)) { Muted = true };
    }

    /// <summary>Teams too young for a forecast, named once rather than given a line each with nothing on it.</summary>
    private static string WithoutForecast(Wording t, IReadOnlyList<string> teams) => teams.Count switch
    {
        0 => "",
        1 => " " + t.Format("Staffing.WithoutForecast.One", teams[0]),
        <= 12 => " " + t.Format("Staffing.WithoutForecast.Other", teams.Count, string.Join(", ", teams)),
        _ => " " + t.Format("Staffing.WithoutForecast.Many", teams.Count, string.Join(", ", teams.Take(12)), teams.Count - 12),
    };

    private static IEnumerable<Block> Categories(Wording t, IReadOnlyList<CategoryForecast> categories)
    {
        if (categories.Count == 0)
        {
            yield break;
        }

        yield return new Heading(t["Staffing.Categories.Heading"]);
        yield return new Table(
            [TableColumn.Text(t["Column.Category"], 2f), TableColumn.Number(t["Column.NextWeek"]), TableColumn.Number(t["Column.Range80"], 1.3f), TableColumn.Number(t["Column.AllWeeks"]), TableColumn.Number(t["Column.Range80"], 1.3f)],
            [.. categories.OrderByDescending(c => c.Total).Select(c => (IReadOnlyList<string>)[c.Category, t.Count(c.NextWeek), $"{t.Count(c.NextWeekLower80)}–{t.Count(c.NextWeekUpper80)}", t.Count(c.Total), $"{t.Count(c.TotalLower80)}–{t.Count(c.TotalUpper80)}"])]);
        yield return new Paragraph(t["Staffing.Categories.Note"]) { Muted = true };
    }

    private static IEnumerable<Block> Queues(Wording t, IReadOnlyList<TeamWeekStaffing> weeks)
    {
        var queues = weeks[0].Queues;
        if (queues.Count == 0)
        {
            yield break;
        }

        yield return new Heading(t["Staffing.Queues.Heading"]);
        yield return new Paragraph(t.Format("Staffing.Queues.Intro", t.Week(weeks[0].Week))) { KeepWithNext = true };
        yield return new Table(
            [TableColumn.Text(t["Column.Channel"]), TableColumn.Number(t["Column.Contacts"]), TableColumn.Number(t["Column.AgentHours"], 1.1f), TableColumn.Number(t["Column.PeakAgents"], 1.1f), TableColumn.Text(t["Column.PeakHour"], 1.4f)],
            [.. queues.Select(q => (IReadOnlyList<string>)[Channel(t, q.Channel), t.Count(q.Contacts), t.Number(q.AgentHours, "0"), t.Count(q.PeakAgents), q.PeakHour.ToString(t["Format.PeakHour"], t.Culture)])]);
    }

    /// <summary>A queue's channel as the readers' language names it ("phone", "chat", "walk_in" in the settings).</summary>
    private static string Channel(Wording t, string channel) => channel switch
    {
        "phone" or "chat" or "walk_in" => t["Channel." + channel],
        _ => channel,
    };

    private static IEnumerable<Block> Method(Wording t)
    {
        yield return new Heading(t["Staffing.Method.Heading"]);
        yield return new BulletList(
        [
            t["Staffing.Method.Tickets"],
            t["Staffing.Method.Hours"],
            t["Staffing.Method.FteNeeded"],
            t["Staffing.Method.FteAvailable"],
            t["Staffing.Method.NoPeople"],
        ]);
    }
}
