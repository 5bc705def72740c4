using Analytics.Calendar;
using Analytics.Privacy;

namespace Analytics.Forecasting.Staffing;

/// <summary>The staffing forecast: per team and ISO week, the work forecast in hours and FTE against the roster's capacity.</summary>
/// <param name="Forecast">The weekly forecast it rests on (model, age, backtest).</param>
public sealed record StaffingOutlook(ForecastSet Forecast, IReadOnlyList<TeamWeekStaffing> Weeks)
{
    public IReadOnlyList<TeamWeekStaffing> ForTeam(string team) => [.. Weeks.Where(w => string.Equals(w.Team, team, StringComparison.Ordinal))];

    /// <summary>Teams' weeks added up under <paramref name="label"/>: the department's, or a merged row's, needed and available staff.</summary>
    public IReadOnlyList<TeamWeekStaffing> Together(IEnumerable<string> teams, string label)
    {
        var members = teams.ToHashSet(StringComparer.Ordinal);
        return [.. Weeks.Where(w => members.Contains(w.Team)).GroupBy(w => w.Week).OrderBy(g => g.Key).Select(g => new TeamWeekStaffing(
            label, g.Key, g.Sum(w => w.Volume), g.Sum(w => w.VolumeUpper80), g.Sum(w => w.NeededHours), g.Sum(w => w.NeededHoursHigh), [],
            g.Sum(w => w.NeededFte), SumOrUnknown(g.Select(w => w.AvailableHours)), SumOrUnknown(g.Select(w => w.AvailableFte))))];
    }

    /// <summary>
    /// The teams' rows of a table for <paramref name="scope"/>, with the smaller teams merged by the
    /// <see cref="PrivacyPolicy"/> so that no team's staffing can be worked out from the department's.
    /// </summary>
    /// <param name="people">People per team, for the minimum-group rule.</param>
    public IReadOnlyList<ScopedStaffing> Rows(PrivacyPolicy policy, ReportScope scope, IEnumerable<string> teams, IReadOnlyDictionary<string, int> people)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(people);
        return [.. policy.TeamRows(scope, teams.Select(t => (t, people.GetValueOrDefault(t)))).Select(r => new ScopedStaffing(
            r.Label, r.Shown ? (r.Merged ? Together(r.Teams, r.Label) : ForTeam(r.Label)) : null) { MergedTeams = r.Merged ? r.Teams : [] })];
    }

    /// <summary>A total over teams is unknown when any team's figure is: a partial sum would pass for the whole.</summary>
    private static double? SumOrUnknown(IEnumerable<double?> values)
    {
        var total = 0.0;
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                return null;
            }

            total += v;
        }

        return total;
    }
}

/// <summary>
/// A team's staffing weeks as one reader may see them: null when suppressed. The smaller teams of a
/// department share one row (<see cref="Merged"/>), whose <see cref="Team"/> is then its label.
/// </summary>
public sealed record ScopedStaffing(string Team, IReadOnlyList<TeamWeekStaffing>? Weeks)
{
    /// <summary>The teams a merged row adds up; empty for a team on its own row.</summary>
    public IReadOnlyList<string> MergedTeams { get; init; } = [];

    public bool Merged => MergedTeams.Count > 0;
}

/// <summary>One team's needed and available staff in one week.</summary>
/// <param name="Volume">Forecast incoming tickets.</param>
/// <param name="VolumeUpper80">The upper end of the 80% prediction interval of <paramref name="Volume"/>.</param>
/// <param name="NeededHours">Hands-on hours: forecast volume x handling time per category.</param>
/// <param name="NeededHoursHigh">The same at the upper end of the 80% interval.</param>
/// <param name="Queues">Erlang C per live channel, hour by hour in the team's working hours.</param>
/// <param name="NeededFte">
/// max(hands-on hours, the queues' agent-hours) / (FTE hours x (1 - shrinkage)): agents on a blended desk
/// work tickets between contacts, so queue staffing is a floor under the hours rather than an addition.
/// </param>
/// <param name="AvailableHours">
/// Roster: contract hours of the agents on staff, less public holidays and planned leave, times (1 - shrinkage).
/// Null when the capacity is unknown: an agent on staff without contract hours, or nobody on the roster.
/// </param>
/// <param name="AvailableFte">The roster's hours (before shrinkage) in FTE; null when unknown.</param>
public sealed record TeamWeekStaffing(
    string Team,
    IsoWeek Week,
    double Volume,
    double VolumeUpper80,
    double NeededHours,
    double NeededHoursHigh,
    IReadOnlyList<QueueWeek> Queues,
    double NeededFte,
    double? AvailableHours,
    double? AvailableFte)
{
    /// <summary>Available minus needed FTE: negative means short of staff; null when the capacity is unknown.</summary>
    public double? GapFte => AvailableFte - NeededFte;
}

/// <summary>Erlang C for one live channel of a team over one week, hour by hour.</summary>
/// <param name="Contacts">Forecast contacts through the channel.</param>
/// <param name="AgentHours">Sum over the week's hours of the agents needed in each.</param>
/// <param name="HandsOnHours">Contacts x handling time: the part of <paramref name="AgentHours"/> spent handling.</param>
/// <param name="PeakAgents">Most agents needed in any hour.</param>
/// <param name="PeakHour">Start of that hour (local time, Monday of the week plus hours).</param>
public sealed record QueueWeek(string Channel, double Contacts, double AgentHours, double HandsOnHours, int PeakAgents, DateTime PeakHour);
