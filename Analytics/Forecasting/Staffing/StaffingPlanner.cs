using Analytics.Calendar;
using Analytics.Roster;
using Analytics.Tickets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Forecasting.Staffing;

/// <summary>
/// Turns the weekly forecast into hours and FTE per team and week and sets them against the roster:
/// hours = forecast volume x handling time per category (measured from time registrations, else
/// configured), FTE = hours / (FTE hours x (1 - shrinkage)), live channels by Erlang C hour by hour.
/// </summary>
public sealed class StaffingPlanner(
    ForecastService forecasts,
    WorkloadProfileReader profiles,
    RosterReader roster,
    IOptions<StaffingOptions> options,
    IHolidayCalendar holidays,
    [FromKeyedServices(FiguresClock.Key)] TimeProvider time)
{
    private const int ProfileWeeks = 8;

    /// <summary>
    /// The outlook for <paramref name="weeks"/> weeks from <paramref name="firstWeek"/> (default: the first
    /// forecast week), limited to the weeks the forecast covers; null when no model has been trained yet.
    /// </summary>
    public async Task<StaffingOutlook?> PlanAsync(IsoWeek? firstWeek, int weeks, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weeks);
        var forecast = await forecasts.ForecastAsync(SeriesFrequency.Weekly, cancellationToken);
        return forecast is null ? null : await PlanAsync(forecast, firstWeek, weeks, cancellationToken);
    }

    /// <summary>
    /// The outlook from a weekly forecast the caller already has: a report run forecasts once and plans,
    /// checks capacity and prints "next week" from that one forecast.
    /// </summary>
    public async Task<StaffingOutlook> PlanAsync(ForecastSet forecast, IsoWeek? firstWeek, int weeks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weeks);

        var settings = options.Value;
        var now = time.GetUtcNow();
        var handling = await profiles.HandlingTimesAsync(now.AddDays(-7 * settings.HandlingTimeWeeks), forecast.Model.Grain, cancellationToken);
        var queueChannels = settings.Queues.Select(q => q.Channel).ToList();
        var channelProfiles = await profiles.ChannelProfilesAsync(now.AddDays(-7 * ProfileWeeks), now, queueChannels, cancellationToken);
        var organisation = await roster.ReadAsync(now, cancellationToken);
        var teams = organisation.Teams.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var agents = organisation.Agents;

        var leave = new LeaveCalendar(organisation.Leave);

        var rows = new List<TeamWeekStaffing>();
        foreach (var teamForecast in forecast.Series.Where(s => s.Key.Level == SeriesLevel.Team))
        {
            var name = teamForecast.Key.Team!;
            var team = teams.GetValueOrDefault(name) ?? new Team { Name = name, Given = TeamSettings.None, Inferred = true };
            var shrinkage = (double)team.Shrinkage;
            var breakdown = forecast.BreakdownOf(name);
            var first = firstWeek ?? IsoWeek.Of(teamForecast.Points[0].Date);
            foreach (var point in teamForecast.Points)
            {
                var week = IsoWeek.Of(point.Date);
                if (week < first || week >= first.AddWeeks(weeks))
                {
                    continue;
                }

                var (hours, hoursHigh) = HandsOnHours(name, point, breakdown, handling, settings);
                var queues = settings.Queues
                    .Select(q => (Settings: q, Profile: channelProfiles.FirstOrDefault(p => p.Team == name && p.Channel == q.Channel)))
                    .Where(q => q.Profile is not null && (q.Settings.Teams.Count == 0 || q.Settings.Teams.Contains(name, StringComparer.Ordinal)))
                    .Select(q => Queue(q.Settings, q.Profile!, point.Forecast, week, OpenHours(team, week, holidays)))
                    .ToList();
                // A blended desk works tickets between calls: the hours Erlang C keeps agents on the queues are
                // a floor under the week's hours (they must be there), not an addition to the hands-on work.
                var queueFloor = queues.Sum(q => q.AgentHours);
                var rosterHours = RosterHours(agents.Where(a => a.Team == name), week, holidays, leave);
                var productiveFte = settings.FteHours * (1 - shrinkage);
                rows.Add(new TeamWeekStaffing(
                    name,
                    week,
                    point.Forecast,
                    point.Upper80,
                    hours,
                    hoursHigh,
                    queues,
                    Math.Max(hours, queueFloor) / productiveFte,
                    rosterHours * (1 - shrinkage),
                    rosterHours / settings.FteHours));
            }
        }

        return new StaffingOutlook(forecast, rows);
    }

    /// <summary>
    /// Hands-on hours of a team's week: each breakdown series' forecast x its handling time. The upper
    /// bound scales that by the team total's own 80% upper bound, since upper bounds of parts do not add up.
    /// </summary>
    private static (double Hours, double High) HandsOnHours(
        string team, ForecastPoint teamPoint, IReadOnlyList<SeriesForecast> breakdown, IReadOnlyList<HandlingTime> handling, StaffingOptions settings)
    {
        var teamMeasured = handling.Where(h => h.Team == team).ToList();
        var teamTickets = teamMeasured.Sum(h => h.Tickets);
        var teamMinutes = teamTickets >= settings.MinimumTimedTickets ? teamMeasured.Sum(h => h.Minutes) / teamTickets : settings.DefaultHandlingMinutes;

        double minutes;
        var parts = breakdown.Select(b => (Series: b, Point: b.Points.FirstOrDefault(p => p.Date == teamPoint.Date))).Where(b => b.Point is not null).ToList();
        if (parts.Count == 0)
        {
            minutes = teamPoint.Forecast * teamMinutes;
        }
        else
        {
            minutes = 0;
            foreach (var (series, point) in parts)
            {
                var name = series.Key.Breakdown ?? string.Empty;
                var measured = teamMeasured.FirstOrDefault(h => h.Breakdown == name);
                var perTicket = measured is { } m && m.Tickets >= settings.MinimumTimedTickets ? m.MinutesPerTicket
                    : settings.HandlingMinutes.TryGetValue(name, out var configured) ? configured
                    : teamMinutes;
                minutes += point!.Forecast * perTicket;
            }

            // Breakdown forecasts need not sum to the team's; hours follow the team total, with the categories' mix.
            var partVolume = parts.Sum(p => p.Point!.Forecast);
            minutes = partVolume > 0 ? minutes / partVolume * teamPoint.Forecast : teamPoint.Forecast * teamMinutes;
        }

        var hours = minutes / 60;
        var high = teamPoint.Forecast > 0 ? hours * teamPoint.Upper80 / teamPoint.Forecast : teamPoint.Upper80 * teamMinutes / 60;
        return (hours, high);
    }

    /// <summary>
    /// The hours of the week the live channels are staffed: the team's working hours on weekdays that are
    /// not public holidays. Contacts outside them wait for the next opening, so their share of the week is
    /// spread over the open hours rather than staffed at 3 a.m.
    /// </summary>
    private static bool[] OpenHours(Team team, IsoWeek week, IHolidayCalendar holidays)
    {
        var open = new bool[168];
        var first = team.WorkdayStart.Hour;
        var last = team.WorkdayEnd.Minute > 0 ? team.WorkdayEnd.Hour : team.WorkdayEnd.Hour - 1;
        for (var day = 0; day < 5; day++)
        {
            if (holidays.IsHoliday(week.Monday.AddDays(day)))
            {
                continue;
            }

            for (var hour = first; hour <= last; hour++)
            {
                open[(day * 24) + hour] = true;
            }
        }

        return open;
    }

    private static QueueWeek Queue(QueueSettings settings, ChannelProfile profile, double teamVolume, IsoWeek week, bool[] open)
    {
        var contacts = teamVolume * profile.ShareOfTickets;
        var openShare = Enumerable.Range(0, 168).Where(h => open[h]).Sum(h => profile.HourOfWeekShares[h]);
        var agentHours = 0.0;
        var peak = 0;
        var peakHour = 0;
        for (var h = 0; h < 168; h++)
        {
            if (!open[h] || openShare <= 0)
            {
                continue;
            }

            var staffing = ErlangC.AgentsNeeded(new QueueDemand(
                contacts * profile.HourOfWeekShares[h] / openShare, 3600, settings.HandlingSeconds, settings.ServiceLevel, settings.AnswerSeconds, settings.MaximumOccupancy));
            agentHours += staffing.Agents;
            if (staffing.Agents > peak)
            {
                peak = staffing.Agents;
                peakHour = h;
            }
        }

        return new QueueWeek(settings.Channel, contacts, agentHours, contacts * settings.HandlingSeconds / 3600, peak,
            week.Monday.ToDateTime(TimeOnly.MinValue).AddHours(peakHour));
    }

    /// <summary>
    /// Contract hours of the team's agents in the week: only days on staff, less public holidays and planned
    /// leave. Unknown (null) when any agent on staff has unknown contract hours, or the roster has nobody on
    /// staff for the team: capacity is then not known, which is not the same as none.
    /// </summary>
    private static double? RosterHours(IEnumerable<Agent> agents, IsoWeek week, IHolidayCalendar holidays, LeaveCalendar leave)
    {
        var workdays = Enumerable.Range(0, 5).Select(d => week.Monday.AddDays(d)).Where(d => !holidays.IsHoliday(d)).ToList();
        var total = 0.0;
        var onStaffAgents = 0;
        foreach (var agent in agents.Where(a => a.OnStaffDuring(week.Monday, week.Sunday)))
        {
            onStaffAgents++;
            if (leave.AvailableHours(agent, workdays) is not { } hours)
            {
                return null;
            }

            total += hours;
        }

        return onStaffAgents == 0 ? null : total;
    }
}
