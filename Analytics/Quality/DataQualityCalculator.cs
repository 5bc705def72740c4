using System.Globalization;
using Analytics.Storage;
using Dapper;
using Analytics.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Quality;

/// <summary>Counts the gaps in a period's data with a few SQL aggregates.</summary>
/// <remarks>
/// The tickets are read as of the figures' clock (a report for a past moment knows only what was known then);
/// imports and quarantined rows are operational facts of the running system, so they are dated by the
/// <paramref name="wall"/> clock: a historical export imported today was imported today.
/// </remarks>
public sealed class DataQualityCalculator(IDbConnectionFactory connections, [FromKeyedServices(FiguresClock.Key)] TimeProvider time, TimeProvider wall)
{
    /// <param name="team">The team, or null for the whole department.</param>
    public async Task<DataQualityReport> ComputeAsync(string? team, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var period = new { from = d.ToDb(from), until = d.ToDb(until), team };
        // "Resolved" means resolved in the period: a ticket opened in it and resolved later (after an as-of
        // moment, even) is no resolved ticket of the period, and counting it said "90 resolved tickets have
        // no SLA outcome" of a week with 51 resolved.
        var resolvedInPeriod = "(resolved_at >= @from AND resolved_at < @until)";
        var inPeriod = $"((opened_at >= @from AND opened_at < @until) OR {resolvedInPeriod})";
        var row = await connection.QuerySingleAsync<(long Tickets, long? WithoutResolver, long? WithoutPriority, long? WithoutSla, long? WithoutTime)>(new CommandDefinition(
            $"""
            SELECT COUNT(*),
                   SUM(CASE WHEN {resolvedInPeriod} AND resolved_by IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN priority IS NULL THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {resolvedInPeriod} AND sla_breached IS NULL AND kind IN ('incident', 'request') THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {resolvedInPeriod} AND time_spent_minutes IS NULL THEN 1 ELSE 0 END)
            FROM {d.Table("tickets")}
            WHERE {inPeriod} AND (@team IS NULL OR team = @team)
            """,
            period,
            cancellationToken: cancellationToken));
        var withoutTeam = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {d.Table("tickets")} WHERE {inPeriod} AND team IS NULL", period, cancellationToken: cancellationToken));
        // As of the figures' clock: changes after it were not known then (a report for a past moment).
        var now = new { now = d.ToDb(time.GetUtcNow()) };
        var asOf = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(
            $"SELECT MAX(updated_at) FROM {d.Table("tickets")} WHERE updated_at <= @now", now, cancellationToken: cancellationToken));
        var lastImport = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(
            $"SELECT MAX(finished_at) FROM {d.Table("import_runs")} WHERE finished_at <= @now", new { now = d.ToDb(wall.GetUtcNow()) }, cancellationToken: cancellationToken));
        var quarantined = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {d.Table("quarantine")} WHERE quarantined_at >= @since",
            new { since = d.ToDb(wall.GetUtcNow().AddDays(-30)) },
            cancellationToken: cancellationToken));

        return new DataQualityReport(
            Instant(asOf),
            Instant(lastImport),
            (int)row.Tickets,
            (int)withoutTeam,
            (int)(row.WithoutResolver ?? 0),
            (int)(row.WithoutPriority ?? 0),
            (int)(row.WithoutSla ?? 0),
            (int)(row.WithoutTime ?? 0),
            (int)quarantined);
    }

    /// <summary>MAX() of an instant column comes back as the engine's type: text in SQLite, a timestamp elsewhere.</summary>
    private static DateTimeOffset? Instant(object? value) => value switch
    {
        null or DBNull => null,
        DateTimeOffset v => v.ToUniversalTime(),
        DateTime v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidCastException($"Unexpected instant value of type {value.GetType().Name}."),
    };
}
