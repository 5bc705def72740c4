using Analytics.Calendar;
using Analytics.Text;

namespace Analytics.Forecasting.Staffing;

/// <summary>One way to meet the forecast, and where it leaves the backlog week by week.</summary>
/// <param name="ExtraFte">FTE added to the roster (0 when none).</param>
/// <param name="Backlog">Projected open tickets at the end of each week.</param>
public sealed record StaffingScenario(string Name, string Description, double ExtraFte, IReadOnlyList<(IsoWeek Week, double Backlog)> Backlog)
{
    /// <summary>A scenario whose name and description are phrases (English in <see cref="Name"/> and <see cref="Description"/>).</summary>
    public StaffingScenario(Phrase name, Phrase description, double extraFte, IReadOnlyList<(IsoWeek Week, double Backlog)> backlog)
        : this(name.English, description.English, extraFte, backlog)
    {
        NamePhrase = name;
        DescriptionPhrase = description;
    }

    public Phrase? NamePhrase { get; init; }

    public Phrase? DescriptionPhrase { get; init; }

    public double FinalBacklog => Backlog.Count > 0 ? Backlog[^1].Backlog : 0;

    public int WeeksGrowing => Backlog.Select((b, i) => i == 0 ? 0 : b.Backlog > Backlog[i - 1].Backlog + 0.5 ? 1 : 0).Sum();
}

/// <summary>
/// The options a staffing report offers, each with its predicted effect on the backlog: carry on as
/// planned, add the FTE that closes the average shortfall, or defer planned changes. The projection
/// is deliberately simple and stated as such: each week the backlog grows by the hours short
/// (needed minus available), converted to tickets at the forecast's hours per ticket, and shrinks by
/// hours to spare, never below the team's usual backlog (work that waits on users, approvals and
/// schedules does not go away with more capacity).
/// </summary>
public static class StaffingScenarios
{
    /// <param name="weeks">The team's staffing weeks, in order.</param>
    /// <param name="backlog">Open tickets now.</param>
    /// <param name="usualBacklog">The team's usual open tickets (a median over recent normal weeks): the floor of the projection.</param>
    /// <param name="changeShare">Share of the team's hours that goes to planned changes (from the work ledger).</param>
    /// <param name="fteHours">Contract hours of one FTE.</param>
    /// <param name="shrinkage">The team's shrinkage (share of contract hours not available for ticket work).</param>
    public static IReadOnlyList<StaffingScenario> For(IReadOnlyList<TeamWeekStaffing> weeks, double backlog, double usualBacklog, double changeShare, double fteHours, double shrinkage)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        // Without the roster's capacity there is no projection to offer: the backlog's path would rest on a guess.
        if (weeks.Count == 0 || weeks.Any(w => w.AvailableHours is null))
        {
            return [];
        }

        var scenarios = new List<StaffingScenario>
        {
            new(Phrase.Fixed("Scenario.AsPlanned", "As planned"), Phrase.Fixed("Scenario.AsPlanned.Text", "The roster as it is, with planned leave and public holidays."), 0, Project(weeks, backlog, usualBacklog, 0, 0, fteHours, shrinkage)),
        };
        var shortfall = weeks.Average(w => Math.Max(0, -w.GapFte!.Value));
        if (shortfall > 0.05)
        {
            var extra = Math.Ceiling(shortfall * 2) / 2;
            scenarios.Add(new StaffingScenario(
                Phrase.Of("Scenario.AddFte", $"Add {extra:0.#} FTE"),
                Phrase.Of("Scenario.AddFte.Text", $"Extra capacity of {extra:0.#} FTE from the first week (temporary staff, overtime or help from another team), enough for the average shortfall."),
                extra,
                Project(weeks, backlog, usualBacklog, extra, 0, fteHours, shrinkage)));
        }

        if (changeShare > 0.01)
        {
            scenarios.Add(new StaffingScenario(
                Phrase.Fixed("Scenario.Defer", "Defer planned changes"),
                Phrase.Of("Scenario.Defer.Text", $"Postpone non-urgent changes (about {changeShare:0%} of the team's hours) until the backlog is back to normal; they wait, they do not disappear."),
                0,
                Project(weeks, backlog, usualBacklog, 0, changeShare, fteHours, shrinkage)));
        }

        return scenarios;
    }

    private static List<(IsoWeek, double)> Project(IReadOnlyList<TeamWeekStaffing> weeks, double backlog, double usualBacklog, double extraFte, double deferredShare, double fteHours, double shrinkage)
    {
        var path = new List<(IsoWeek, double)>(weeks.Count);
        var floor = Math.Max(0, Math.Min(usualBacklog, backlog));
        var open = Math.Max(0, backlog);
        foreach (var week in weeks)
        {
            var hoursPerTicket = week.Volume > 0 && week.NeededHours > 0 ? week.NeededHours / week.Volume : 0.5;
            var needed = week.NeededHours * (1 - deferredShare);
            var available = week.AvailableHours!.Value + (extraFte * fteHours * (1 - shrinkage));
            open = Math.Max(floor, open + ((needed - available) / hoursPerTicket));
            path.Add((week.Week, open));
        }

        return path;
    }
}
