using Analytics.Calendar;
using Analytics.Storage;
using Analytics.Tickets;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Workload;

/// <summary>
/// Computes the weekly metrics of every team, the department and every agent in one streaming pass
/// over the store's tickets (with their team and assignment events), plus one SQL aggregation of the
/// time registrations. Memory grows with teams, agents and weeks, not with the number of tickets.
/// </summary>
public sealed class WorkloadCalculator(IDbConnectionFactory connections, ReferenceStore reference, DutchHolidayCalendar holidays, IOptions<WorkloadOptions> options)
{
    private readonly WorkloadOptions _options = options.Value;

    public async Task<WorkloadHistory> ComputeAsync(IsoWeek firstWeek, IsoWeek lastWeek, CancellationToken cancellationToken)
    {
        if (lastWeek < firstWeek)
        {
            throw new ArgumentException($"The last week ({lastWeek}) comes before the first ({firstWeek}).", nameof(lastWeek));
        }

        var teams = await reference.GetTeamsAsync(cancellationToken);
        var agents = await reference.GetAgentsAsync(cancellationToken);
        var pass = new WorkloadPass(firstWeek, lastWeek, teams, agents, holidays, _options);

        // A day either side covers every time zone's local week against the UTC filter.
        var from = firstWeek.Monday.AddDays(-1).ToDateTime(TimeOnly.MinValue);
        var until = lastWeek.NextMonday.AddDays(1).ToDateTime(TimeOnly.MinValue);
        await foreach (var ticket in new WorkloadTicketReader(connections).ReadAsync(new DateTimeOffset(from, TimeSpan.Zero), new DateTimeOffset(until, TimeSpan.Zero), cancellationToken))
        {
            pass.Add(ticket);
        }

        await foreach (var (agent, week, minutes) in ReadTimeLogAsync(firstWeek.Monday, lastWeek.Sunday, cancellationToken))
        {
            pass.AddLoggedMinutes(agent, week, minutes);
        }

        return pass.Finish();
    }

    /// <summary>
    /// Minutes logged per agent and week (weeks counted from <paramref name="from"/>, a Monday). Summed per
    /// week in SQL: a row per agent and day would be five times the rows to read for the same figures.
    /// </summary>
    private async IAsyncEnumerable<(string Agent, int Week, double Minutes)> ReadTimeLogAsync(DateOnly from, DateOnly to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dialect = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            TimeLogSql(dialect),
            new { from = dialect.ToDb(from), to = dialect.ToDb(to) },
            cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Minutes per agent and week of the days from @from (a Monday) to @to.</summary>
    internal static string TimeLogSql(SqlDialect d) =>
        $"""
        SELECT agent, week, SUM(minutes)
        FROM (SELECT agent, {d.DaysBetween("@from", "work_date")} / 7 AS week, minutes
              FROM {d.Table("time_entries")}
              WHERE work_date >= @from AND work_date <= @to) logged
        GROUP BY agent, week
        """;
}
