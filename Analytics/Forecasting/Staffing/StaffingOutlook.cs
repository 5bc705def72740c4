using Analytics.Calendar;

namespace Analytics.Forecasting.Staffing;

/// <summary>The staffing forecast: per team and ISO week, the work forecast in hours and FTE against the roster's capacity.</summary>
/// <param name="Forecast">The weekly forecast it rests on (model, age, backtest).</param>
public sealed record StaffingOutlook(ForecastSet Forecast, IReadOnlyList<TeamWeekStaffing> Weeks)
{
    public IReadOnlyList<TeamWeekStaffing> ForTeam(string team) => [.. Weeks.Where(w => string.Equals(w.Team, team, StringComparison.Ordinal))];
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
