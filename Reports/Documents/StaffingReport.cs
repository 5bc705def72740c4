using System.Globalization;
using Analytics.Forecasting.Staffing;
using Reports.Charts;
using Reports.Layout;

namespace Reports.Documents;

/// <summary>
/// The staffing forecast: the coming weeks' tickets with their ranges, turned into hours and FTE and
/// set against the roster; the gap per week; the options (extra FTE, deferring changes) with their
/// predicted effect on the backlog; the forecast's accuracy in plain words.
/// </summary>
public static class StaffingReport
{
    public const string Title = "Staffing forecast";

    public static ReportDocument Compose(StaffingReportModel model, ReportFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fonts);
        var context = model.Context;
        var document = new ReportDocument(
            new ReportMetadata($"{Title} – {context.Subject} – {context.Week}", $"Needed and available staff for {context.Subject} after {context.Week}", "IT workload monitor"),
            new PageHeaderInfo(Title, context.Subject, context.Period, context.DataAsOf) { TimeZone = context.Zone });

        document.Add(new Heading("Summary"));
        if (model.Missing is not null || model.Weeks.Count == 0)
        {
            document.Add(new Callout(model.Missing ?? $"No staffing forecast for {context.Subject}: the forecast has no series for it.", CalloutSeverity.Info) { Title = "Staffing forecast missing" });
            return document.AddRange(CommonSections.DataQuality(model.Quality, context));
        }

        var weeks = model.Weeks;
        document.Add(new Paragraph(Summary(model)))
            .Add(context.IsDepartment ? DepartmentTiles(model.View) : Tiles(weeks))
            .Add(new StaffingChartBuilder(fonts).Build([.. weeks.Select(w => new StaffingWeek(ChartData.Label(w.Week), w.NeededFte, w.AvailableFte))], $"Needed and available FTE per week, {context.Subject}").ToSlot(220, "Needed: forecast work in FTE after shrinkage. Available: the roster less holidays and leave."))
            .Add(WeekTable(weeks));

        document.AddRange(Options(model));
        if (context.IsDepartment)
        {
            document.AddRange(Teams(model));
        }

        document.AddRange(CommonSections.Forecast(model.Forecast, fonts, context.Subject));
        document.AddRange(Categories(model.Categories));
        document.AddRange(Queues(weeks));
        document.AddRange(Method());
        document.AddRange(CommonSections.DataQuality(model.Quality, context));
        return document;
    }

    private static string Summary(StaffingReportModel model)
    {
        var c = CultureInfo.InvariantCulture;
        var weeks = model.Weeks;
        var needed = weeks.Average(w => w.NeededFte);
        var text = string.Create(c,
            $"Over the next {weeks.Count} weeks ({weeks[0].Week} to {weeks[^1].Week}) {model.Context.Subject} is expected to receive about {Figures.Count(weeks.Sum(w => w.Volume))} tickets, needing {Figures.Number(weeks.Average(w => w.NeededHours), "#,0")} hands-on hours a week: {needed:0.0} FTE");
        if (model.Context.IsDepartment && model.View.Gaps.Count > 0)
        {
            text += ". " + DepartmentGaps(model.View);
        }
        else if (AverageAvailable(weeks) is not { } available)
        {
            // Capacity unknown (contract hours not on the roster): say so rather than compare with a 0.
            text += " against an unknown capacity: the roster does not give the contract hours of everyone on staff, so no gap is computed. Load the roster (roster import) to compare.";
        }
        else
        {
            var shortWeeks = StaffingView.WeeksShort(weeks);
            text += string.Create(c, $" against {available:0.0} available.");
            text += shortWeeks == 0
                ? " The roster covers every week."
                : string.Create(c, $" It is short in {shortWeeks} of the {weeks.Count} weeks, by {weeks.Where(w => w.GapFte < 0).Average(w => -w.GapFte!.Value):0.0} FTE on average in those weeks.");
        }

        if (model.Forecast is { } forecast)
        {
            text += " " + forecast.Accuracy;
        }

        return text;
    }

    private static double? AverageAvailable(IReadOnlyList<TeamWeekStaffing> weeks) => StaffingView.AverageAvailable(weeks);

    /// <summary>The department's short teams by name and its spare capacity apart, in one sentence for the summary and the mail.</summary>
    internal static string DepartmentGaps(StaffingView view)
    {
        var c = CultureInfo.InvariantCulture;
        var shortTeams = view.ShortTeams;
        var spare = view.SpareTeams;
        var text = shortTeams.Count == 0
            ? "No team is short of staff on average."
            : string.Join("; ", shortTeams.Select(t => string.Create(c, $"{t.Team} is short by {Figures.Number(-t.Gap)} FTE on average ({t.WeeksShort} of {view.Weeks.Count} weeks)"))) + ".";
        if (spare.Count > 0)
        {
            text += string.Create(c, $" {Figures.Count(spare.Count)} {(spare.Count == 1 ? "team has" : "teams have")} {Figures.Number(view.SpareFte)} FTE to spare between them, which helps only where their people can take on the other teams' work.");
        }

        var unknown = view.Teams.Count(t => t.Weeks is { Count: > 0 } w && AverageAvailable(w) is null);
        if (unknown > 0)
        {
            text += string.Create(c, $" The capacity of {unknown} {(unknown == 1 ? "team is" : "teams is")} unknown: the roster does not give their contract hours.");
        }

        return text;
    }

    private static string Fte(double? fte) => fte is { } f ? Figures.Number(f) : Figures.Unknown;

    private static string Gap(double? gap) => gap is { } g ? (g >= 0 ? "+" : "−") + Figures.Number(Math.Abs(g)) : Figures.Unknown;

    /// <summary>The department's tiles keep short and spare apart (<see cref="StaffingView.ShortTeams"/>).</summary>
    private static KpiRow DepartmentTiles(StaffingView view)
    {
        var weeks = view.Weeks;
        var next = weeks[0];
        if (view.Gaps.Count == 0)
        {
            return new KpiRow(
            [
                new KpiTile(Figures.Count(next.Volume), $"Tickets expected in {next.Week}"),
                new KpiTile(Figures.Number(weeks.Average(w => w.NeededFte)), "FTE needed, average"),
                new KpiTile("–", "FTE gap: unknown (no contract hours)"),
            ]);
        }

        var shortTeams = view.ShortTeams;
        var spareTeams = view.SpareTeams;
        return new KpiRow(
        [
            new KpiTile(Figures.Count(next.Volume), $"Tickets expected in {next.Week}"),
            new KpiTile(Figures.Number(weeks.Average(w => w.NeededFte)), "FTE needed, average"),
            new KpiTile(shortTeams.Count == 0 ? "0" : "−" + Figures.Number(view.ShortFte),
                $"FTE short, average: {Figures.Count(shortTeams.Count)} {(shortTeams.Count == 1 ? "team" : "teams")}",
                new KpiChange(shortTeams.Count == 0 ? "no team short" : string.Join(", ", shortTeams.Take(3).Select(t => t.Team)), shortTeams.Count > 0 ? Trend.Down : Trend.Flat, shortTeams.Count > 0 ? Sentiment.Bad : Sentiment.Good)),
            new KpiTile("+" + Figures.Number(view.SpareFte), $"FTE to spare, average: {Figures.Count(spareTeams.Count)} {(spareTeams.Count == 1 ? "team" : "teams")}"),
        ]);
    }

    private static KpiRow Tiles(IReadOnlyList<TeamWeekStaffing> weeks)
    {
        var next = weeks[0];
        var available = AverageAvailable(weeks);
        var gap = available - weeks.Average(w => w.NeededFte);
        return new KpiRow(
        [
            new KpiTile(Figures.Count(next.Volume), $"Tickets expected in {next.Week}"),
            new KpiTile(Figures.Number(weeks.Average(w => w.NeededFte)), "FTE needed, average"),
            // A tile's large figure has no room for the word: the dash stands there and the label says it.
            available is { } a ? new KpiTile(Figures.Number(a), "FTE available, average") : new KpiTile("–", "FTE available: unknown"),
            gap is { } g
                ? new KpiTile(Gap(g), g >= 0 ? "FTE to spare, average" : "FTE short, average", new KpiChange(StaffingView.WeeksShort(weeks) + " weeks short", g < 0 ? Trend.Down : Trend.Flat, g < 0 ? Sentiment.Bad : Sentiment.Good))
                : new KpiTile("–", "FTE gap: unknown (no contract hours)"),
        ]);
    }

    private static Table WeekTable(IReadOnlyList<TeamWeekStaffing> weeks) => new(
        [TableColumn.Text("Week", 1.1f), TableColumn.Number("Tickets"), TableColumn.Number("80% up to"), TableColumn.Number("Hands-on hours", 1.2f), TableColumn.Number("FTE needed"), TableColumn.Number("FTE available", 1.1f), TableColumn.Number("Gap")],
        [.. weeks.Select(w => (IReadOnlyList<string>)[w.Week.ToString(), Figures.Count(w.Volume), Figures.Count(w.VolumeUpper80), Figures.Number(w.NeededHours, "#,0"), Figures.Number(w.NeededFte), Fte(w.AvailableFte), Gap(w.GapFte)])]);

    private static IEnumerable<Block> Options(StaffingReportModel model)
    {
        if (model.Scenarios.Count == 0)
        {
            yield break;
        }

        yield return new Heading("Options");
        var four = Math.Min(3, model.Weeks.Count - 1);
        yield return new Table(
            [TableColumn.Text("Option", 1.3f), TableColumn.Text("What it means", 3f), TableColumn.Number($"Backlog after {four + 1} weeks", 1.2f), TableColumn.Number($"after {model.Weeks.Count} weeks", 1.1f)],
            [.. model.Scenarios.Select(s => (IReadOnlyList<string>)[s.Name, s.Description, Figures.Count(s.Backlog[four].Backlog), Figures.Count(s.FinalBacklog)])]) { MaxLinesPerCell = 5 };
        yield return new Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Open backlog now: {Figures.Count(model.CurrentBacklog)} tickets. The projection adds each week's shortfall in hours as tickets (at the forecast's hours per ticket) and takes off hours to spare, never below the usual backlog of work that waits on users, approvals or schedules.")) { Muted = true };
    }

    private static IEnumerable<Block> Teams(StaffingReportModel model)
    {
        yield return new Heading("Teams");
        yield return new Table(
            [TableColumn.Text("Team", 2f), TableColumn.Number("FTE needed"), TableColumn.Number("FTE available", 1.1f), TableColumn.Number("Gap"), TableColumn.Number("Weeks short", 1.1f)],
            [.. model.Teams.Select(t => t.Weeks is { Count: > 0 } w
                ? (IReadOnlyList<string>)[t.Team, Figures.Number(w.Average(x => x.NeededFte)), Fte(AverageAvailable(w)), AverageAvailable(w) is { } a ? Gap(a - w.Average(x => x.NeededFte)) : Figures.Unknown, AverageAvailable(w) is null ? Figures.Unknown : Figures.Count(StaffingView.WeeksShort(w))]
                : [t.Team, "not shown", "", "", ""])]);
        var note = CommonSections.TeamRowsNote(model.Teams.Select(t => (t.Team, t.MergedTeams, t.Weeks is { Count: > 0 })), model.Context.MinimumGroupSize);
        yield return new Paragraph("Averages over the forecast weeks." + (note.Length > 0 ? " " + note : "") + WithoutForecast(model.View.WithoutForecast)) { Muted = true };
    }

    /// <summary>Teams too young for a forecast, named once rather than given a line each with nothing on it.</summary>
    private static string WithoutForecast(IReadOnlyList<string> teams) => teams.Count switch
    {
        0 => "",
        1 => $" {teams[0]} has too little history for a forecast and is not in the table.",
        <= 12 => $" {teams.Count} teams have too little history for a forecast and are not in the table: {string.Join(", ", teams)}.",
        _ => $" {teams.Count} teams have too little history for a forecast and are not in the table: {string.Join(", ", teams.Take(12))} and {teams.Count - 12} more.",
    };

    private static IEnumerable<Block> Categories(IReadOnlyList<CategoryForecast> categories)
    {
        if (categories.Count == 0)
        {
            yield break;
        }

        yield return new Heading("By category");
        yield return new Table(
            [TableColumn.Text("Category", 2f), TableColumn.Number("Next week"), TableColumn.Number("80% range", 1.3f), TableColumn.Number("All weeks"), TableColumn.Number("80% range", 1.3f)],
            [.. categories.OrderByDescending(c => c.Total).Select(c => (IReadOnlyList<string>)[c.Category, Figures.Count(c.NextWeek), $"{Figures.Count(c.NextWeekLower80)}–{Figures.Count(c.NextWeekUpper80)}", Figures.Count(c.Total), $"{Figures.Count(c.TotalLower80)}–{Figures.Count(c.TotalUpper80)}"])]);
        yield return new Paragraph("The ranges over all weeks add up each week's range, so they are wider than the range of the total.") { Muted = true };
    }

    private static IEnumerable<Block> Queues(IReadOnlyList<TeamWeekStaffing> weeks)
    {
        var queues = weeks[0].Queues;
        if (queues.Count == 0)
        {
            yield break;
        }

        yield return new Heading("Live queues");
        yield return new Paragraph($"Phone and chat are staffed hour by hour with Erlang C for their service level; the week of {weeks[0].Week}:") { KeepWithNext = true };
        yield return new Table(
            [TableColumn.Text("Channel"), TableColumn.Number("Contacts"), TableColumn.Number("Agent hours", 1.1f), TableColumn.Number("Peak agents", 1.1f), TableColumn.Text("Peak hour", 1.4f)],
            [.. queues.Select(q => (IReadOnlyList<string>)[q.Channel, Figures.Count(q.Contacts), Figures.Number(q.AgentHours, "0"), Figures.Count(q.PeakAgents), q.PeakHour.ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)])]);
    }

    private static IEnumerable<Block> Method()
    {
        yield return new Heading("How the figures are made");
        yield return new BulletList(
        [
            "Tickets: one forecasting model over all teams and categories, tested every week against a naive forecast; the 80% range is where past forecast errors put the actual count four times in five.",
            "Hands-on hours: forecast tickets times the handling time per category, measured from time registrations where there are enough, else configured.",
            "FTE needed: hands-on hours divided by an FTE's contract hours times (1 − the team's shrinkage for meetings, training and leave); live queues are staffed with Erlang C and set a floor under it.",
            "FTE available: the contract hours of the agents on staff, less public holidays and planned leave; \"unknown\" where the roster does not give everyone's contract hours.",
            "Nothing in this report is about individual people.",
        ]);
    }
}
