using Analytics.Calendar;
using Analytics.Storage;
using Analytics.Tickets;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Workload;

/// <summary>When work arrives: tickets opened per local weekday (Monday first) and hour, for a team or the department.</summary>
public sealed record IncomingPattern(string Team, IsoWeek From, IsoWeek To, int[,] Counts)
{
    public int this[DayOfWeek day, int hour] => Counts[((int)day + 6) % 7, hour];

    public int Total
    {
        get
        {
            var total = 0;
            foreach (var count in Counts)
            {
                total += count;
            }

            return total;
        }
    }
}

/// <summary>Builds <see cref="IncomingPattern"/>s for every team and the department in one pass over the period's openings.</summary>
public sealed class IncomingPatternCalculator(IDbConnectionFactory connections, ReferenceStore reference, IHolidayCalendar holidays, IOptions<WorkloadOptions> options)
{
    public async Task<IReadOnlyDictionary<string, IncomingPattern>> ComputeAsync(IsoWeek from, IsoWeek to, CancellationToken cancellationToken)
    {
        var department = options.Value.DepartmentName;
        var clocks = new TeamClocks(await reference.GetTeamsAsync(cancellationToken), options.Value.TimeZone, from, to, holidays);
        var counts = new Dictionary<string, int[,]>(StringComparer.Ordinal) { [department] = new int[7, 24] };
        var departmentClock = clocks.Default(department);

        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT team, {d.EpochSeconds("opened_at")} FROM {d.Table("tickets")} WHERE opened_at >= @from AND opened_at < @until",
            new { from = d.ToDb(new DateTimeOffset(from.Monday.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)), until = d.ToDb(new DateTimeOffset(to.NextMonday.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) },
            cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var opened = DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(1));
            Count(departmentClock, counts[department], opened);
            if (!reader.IsDBNull(0))
            {
                var team = reader.GetString(0);
                if (!counts.TryGetValue(team, out var teamCounts))
                {
                    teamCounts = new int[7, 24];
                    counts[team] = teamCounts;
                }

                Count(clocks.For(team), teamCounts, opened);
            }
        }

        return counts.ToDictionary(c => c.Key, c => new IncomingPattern(c.Key, from, to, c.Value), StringComparer.Ordinal);
    }

    private static void Count(TeamClock clock, int[,] counts, DateTimeOffset opened)
    {
        var day = clock.DayIndex(opened);
        if (day >= 0 && day < clock.WeekCount * 7)
        {
            counts[day % 7, clock.HourOfDay(opened)]++;
        }
    }
}
