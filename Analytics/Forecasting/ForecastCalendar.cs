using Analytics.Import;
using Analytics.Storage;
using Dapper;
using Analytics.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Forecasting;

/// <summary>Which day counts as "the last complete day" of the data.</summary>
public sealed class ForecastCalendar([FromKeyedServices(FiguresClock.Key)] TimeProvider time, ReferenceStore reference, IDbConnectionFactory connections)
{
    /// <summary>
    /// Yesterday in the teams' time zones (the earliest of them; Europe/Amsterdam when no team is
    /// configured), or the day of the newest ticket when the history stops before that: days after the last
    /// sync are missing data, not quiet days, and counting them as zeros would drag the forecast down.
    /// </summary>
    public async Task<DateOnly> LastCompleteDayAsync(CancellationToken cancellationToken)
    {
        var teams = await reference.GetTeamsAsync(cancellationToken);
        var zones = teams.Select(t => t.TimeZone).DefaultIfEmpty("Europe/Amsterdam").Distinct(StringComparer.Ordinal).Select(LocalTime.FindZone).ToList();
        var now = time.GetUtcNow();
        var yesterday = zones.Min(zone => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)).AddDays(-1);

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT MAX(opened_at) FROM {connections.Dialect.Table("tickets")} WHERE opened_at < @now",
            new { now = connections.Dialect.ToDb(now) },
            cancellationToken: cancellationToken));
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
        {
            return yesterday;
        }

        var newest = connections.Dialect.ReadInstant(reader, 0);
        var newestDay = zones.Max(zone => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(newest, zone).DateTime));
        return newestDay < yesterday ? newestDay : yesterday;
    }
}
