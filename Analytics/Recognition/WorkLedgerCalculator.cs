using System.Globalization;
using Analytics.Calendar;
using Analytics.Storage;
using Analytics.Tickets;
using Analytics.Workload;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Recognition;

/// <summary>
/// Builds the invisible-work ledger for a window of weeks: resolved tickets by category (streamed,
/// classified by the rules), knowledge articles written, and registered time without a ticket.
/// A ticket counts in the week it was resolved, for the team that held it last.
/// </summary>
public sealed class WorkLedgerCalculator(
    IDbConnectionFactory connections,
    ReferenceStore reference,
    WorkClassifier classifier,
    IHolidayCalendar holidays,
    IOptions<InvisibleWorkOptions> options,
    IOptions<WorkloadOptions> workload)
{
    public async Task<WorkLedger> ComputeAsync(IsoWeek firstWeek, IsoWeek lastWeek, CancellationToken cancellationToken)
    {
        var clocks = new TeamClocks(await reference.GetTeamsAsync(cancellationToken), workload.Value.TimeZone, firstWeek, lastWeek, holidays);
        var agents = (await reference.GetAgentsAsync(cancellationToken)).ToDictionary(a => a.Name, a => a.Team, StringComparer.Ordinal);
        var department = workload.Value.DepartmentName;
        var tallies = new Dictionary<(string, IsoWeek), WorkTally>();
        var estimates = options.Value.EstimatedMinutes;
        double Estimate(WorkCategory category) => estimates.TryGetValue(category, out var minutes) ? minutes : InvisibleWorkOptions.DefaultMinutes[category];

        TeamClock Clock(string team) => clocks.For(team);

        void Tally(string team, IsoWeek week, WorkCategory category, int count, double hours, bool estimated, bool afterHours)
        {
            foreach (var key in new[] { (team, week), (department, week) })
            {
                if (!tallies.TryGetValue(key, out var tally))
                {
                    tally = new WorkTally();
                    tallies[key] = tally;
                }

                tally.Add(category, count, hours, estimated, afterHours);
            }
        }

        var dialect = connections.Dialect;
        var from = new DateTimeOffset(firstWeek.Monday.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(lastWeek.NextMonday.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
                $"""
                SELECT team, kind, channel, proactive, category, subcategory, title, resolved_at, time_spent_minutes
                FROM {dialect.Table("tickets")}
                WHERE resolved_at >= @from AND resolved_at < @until AND team IS NOT NULL
                """,
                new { from = dialect.ToDb(from), until = dialect.ToDb(until) },
                cancellationToken: cancellationToken));
            while (await reader.ReadAsync(cancellationToken))
            {
                var team = reader.GetString(0);
                var clock = Clock(team);
                var resolved = dialect.ReadInstant(reader, 7);
                var week = clock.WeekIndex(resolved);
                if (week < 0 || week >= clock.WeekCount)
                {
                    continue;
                }

                var category = classifier.Classify(
                    CanonicalNames.ParseKind(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : CanonicalNames.ParseChannel(reader.GetString(2)),
                    dialect.ReadBool(reader, 3),
                    Text(reader, 4),
                    Text(reader, 5),
                    Text(reader, 6));
                var registered = reader.IsDBNull(8) ? (double?)null : Convert.ToDouble(reader.GetValue(8), CultureInfo.InvariantCulture);
                var minutes = registered ?? Estimate(category);
                Tally(team, clock.WeekAt(week), category, 1, minutes / 60.0, registered is null, clock.IsAfterHours(resolved));
            }
        }

        await foreach (var (team, created) in ArticlesAsync(from, until, cancellationToken))
        {
            var clock = Clock(team);
            var week = clock.WeekIndex(created);
            if (week >= 0 && week < clock.WeekCount)
            {
                Tally(team, clock.WeekAt(week), WorkCategory.KnowledgeArticles, 1, Estimate(WorkCategory.KnowledgeArticles) / 60.0, true, false);
            }
        }

        await foreach (var (agent, date, minutes, entries) in UnticketedTimeAsync(firstWeek.Monday, lastWeek.Sunday, cancellationToken))
        {
            if (agents.TryGetValue(agent, out var team))
            {
                Tally(team, IsoWeek.Of(date), WorkCategory.WithoutTicket, entries, minutes / 60.0, false, false);
            }
        }

        return new WorkLedger(firstWeek, lastWeek, department, tallies);
    }

    private async IAsyncEnumerable<(string Team, DateTimeOffset Created)> ArticlesAsync(DateTimeOffset from, DateTimeOffset until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dialect = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT team, created_at FROM {dialect.Table("knowledge_articles")} WHERE team IS NOT NULL AND created_at >= @from AND created_at < @until",
            new { from = dialect.ToDb(from), until = dialect.ToDb(until) },
            cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), dialect.ReadInstant(reader, 1));
        }
    }

    private async IAsyncEnumerable<(string Agent, DateOnly Date, double Minutes, int Entries)> UnticketedTimeAsync(DateOnly from, DateOnly to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dialect = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT agent, work_date, SUM(minutes), COUNT(*)
            FROM {dialect.Table("time_entries")}
            WHERE ticket_id IS NULL AND work_date >= @from AND work_date <= @to
            GROUP BY agent, work_date
            """,
            new { from = dialect.ToDb(from), to = dialect.ToDb(to) },
            cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), dialect.ReadDate(reader, 1), Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture));
        }
    }

    private static string? Text(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
