using System.Globalization;
using Analytics.Import;
using Analytics.Storage;
using Dapper;

namespace Analytics.Forecasting.Staffing;

/// <summary>
/// The measured facts staffing needs, aggregated in SQL: handling minutes per ticket from time
/// registrations, and when in the week the live channels' contacts arrive.
/// </summary>
public sealed class WorkloadProfileReader(IDbConnectionFactory connections, ReferenceStore reference)
{
    private SqlDialect Dialect => connections.Dialect;

    /// <summary>
    /// Per team and breakdown (kind or category by <paramref name="grain"/>; "" for team grain): tickets opened
    /// since <paramref name="since"/> that have time registrations, and the minutes registered on them.
    /// </summary>
    public async Task<IReadOnlyList<HandlingTime>> HandlingTimesAsync(DateTimeOffset since, ForecastGrain grain, CancellationToken cancellationToken)
    {
        var breakdown = grain switch
        {
            ForecastGrain.Kind => "t.kind",
            ForecastGrain.Category => "COALESCE(t.category, '')",
            _ => "''",
        };
        var groupBreakdown = grain == ForecastGrain.Team ? "" : ", " + breakdown;
        var sql = $"""
            SELECT x.team, x.breakdown, COUNT(*) AS tickets, SUM(x.minutes) AS minutes
            FROM (
                SELECT t.team AS team, {breakdown} AS breakdown, SUM(e.minutes) AS minutes
                FROM {Dialect.Table("time_entries")} e
                JOIN {Dialect.Table("tickets")} t ON t.source = e.source AND t.ticket_id = e.ticket_id
                WHERE t.team IS NOT NULL AND t.opened_at >= @since
                GROUP BY t.team, t.source, t.ticket_id{groupBreakdown}
            ) x
            GROUP BY x.team, x.breakdown
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, new { since = Dialect.ToDb(since) }, cancellationToken: cancellationToken));
        var result = new List<HandlingTime>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new HandlingTime(
                reader.GetString(0),
                reader.GetString(1),
                Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }

        return result;
    }

    /// <summary>
    /// Per team and live channel: the share of the team's tickets that came through the channel, and how
    /// its contacts spread over the local week's 168 hours (Monday 00-01 first), from tickets opened in
    /// [<paramref name="from"/>, <paramref name="to"/>).
    /// </summary>
    public async Task<IReadOnlyList<ChannelProfile>> ChannelProfilesAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyCollection<string> channels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var zones = (await reference.GetTeamsAsync(cancellationToken)).ToDictionary(t => t.Name, t => LocalTime.FindZone(t.TimeZone), StringComparer.Ordinal);
        var hour = $"{Dialect.EpochSeconds("opened_at")} / 3600";
        var sql = $"""
            SELECT team, COALESCE(channel, '') AS channel, {hour} AS bucket, COUNT(*) AS tickets
            FROM {Dialect.Table("tickets")}
            WHERE team IS NOT NULL AND opened_at >= @from AND opened_at < @to
            GROUP BY team, COALESCE(channel, ''), {hour}
            """;
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var hours = new Dictionary<(string Team, string Channel), double[]>();
        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            sql, new { from = Dialect.ToDb(from), to = Dialect.ToDb(to) }, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var team = reader.GetString(0);
                var channel = reader.GetString(1);
                var count = Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture);
                totals[team] = totals.GetValueOrDefault(team) + count;
                if (!channels.Contains(channel))
                {
                    continue;
                }

                var start = DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture) * 3600);
                var local = TimeZoneInfo.ConvertTime(start, zones.GetValueOrDefault(team) ?? LocalTime.FindZone("Europe/Amsterdam")).DateTime;
                var hourOfWeek = ((((int)local.DayOfWeek + 6) % 7) * 24) + local.Hour;
                if (!hours.TryGetValue((team, channel), out var week))
                {
                    week = new double[168];
                    hours[(team, channel)] = week;
                }

                week[hourOfWeek] += count;
            }
        }

        return [.. hours.Select(h =>
        {
            var sum = h.Value.Sum();
            return new ChannelProfile(h.Key.Team, h.Key.Channel, sum / totals[h.Key.Team], [.. h.Value.Select(v => v / sum)]);
        })];
    }
}

/// <summary>Measured handling: <paramref name="Tickets"/> with registrations and the <paramref name="Minutes"/> registered on them.</summary>
public sealed record HandlingTime(string Team, string Breakdown, int Tickets, double Minutes)
{
    public double MinutesPerTicket => Tickets > 0 ? Minutes / Tickets : 0;
}

/// <summary>A live channel's share of a team's tickets and its spread over the 168 hours of the local week.</summary>
public sealed record ChannelProfile(string Team, string Channel, double ShareOfTickets, IReadOnlyList<double> HourOfWeekShares);
