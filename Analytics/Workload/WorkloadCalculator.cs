using Analytics.Calendar;
using Analytics.Roster;
using Analytics.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Workload;

/// <summary>
/// Computes the weekly metrics of every team, the department and every agent in one streaming pass
/// over the store's tickets (with their team and assignment events), plus the time registrations summed
/// per agent and week. Memory grows with teams, agents and weeks, not with the number of tickets.
/// </summary>
public sealed class WorkloadCalculator(IDbConnectionFactory connections, RosterReader roster, IHolidayCalendar holidays, IOptions<WorkloadOptions> options)
{
    private readonly WorkloadOptions _options = options.Value;

    public async Task<WorkloadHistory> ComputeAsync(IsoWeek firstWeek, IsoWeek lastWeek, CancellationToken cancellationToken)
    {
        if (lastWeek < firstWeek)
        {
            throw new ArgumentException($"The last week ({lastWeek}) comes before the first ({firstWeek}).", nameof(lastWeek));
        }

        // A day either side covers every time zone's local week against the UTC filter.
        var from = firstWeek.Monday.AddDays(-1).ToDateTime(TimeOnly.MinValue);
        var until = lastWeek.NextMonday.AddDays(1).ToDateTime(TimeOnly.MinValue);

        // The weeks before the window that a reported week's figures look back on (the days-to-clear rate):
        // read, but not reported, so a week's figures do not depend on the window asked for.
        var lead = _options.DaysToClearWeeks - 1;
        var passFirstWeek = firstWeek.AddWeeks(-lead);
        var readFrom = passFirstWeek.Monday.AddDays(-1).ToDateTime(TimeOnly.MinValue);

        // The organisation as of the window's end: the loaded roster, plus the teams and the agents active in the window it does not list.
        var organisation = await roster.ReadAsync(new DateTimeOffset(from, TimeSpan.Zero), new DateTimeOffset(until, TimeSpan.Zero), cancellationToken);
        var pass = new WorkloadPass(firstWeek, lastWeek, organisation.Teams, organisation.Agents, holidays, _options, lead, new LeaveCalendar(organisation.Leave));
        await foreach (var (team, firstOpened) in new DataStartReader(connections).ReadAsync(cancellationToken))
        {
            pass.DataStartsAt(team, firstOpened);
        }

        await foreach (var ticket in new WorkloadTicketReader(connections).ReadAsync(new DateTimeOffset(readFrom, TimeSpan.Zero), new DateTimeOffset(until, TimeSpan.Zero), cancellationToken))
        {
            pass.Add(ticket);
        }

        await foreach (var (agent, week, minutes) in new TimeLogReader(connections).ReadAsync(passFirstWeek.Monday, lastWeek.Sunday, cancellationToken))
        {
            pass.AddLoggedMinutes(agent, week, minutes);
        }

        return pass.Finish();
    }
}
