using System.Globalization;
using Analytics.Import;
using Analytics.Storage;
using Dapper;

namespace Analytics.Forecasting;

/// <summary>
/// Incoming-ticket series straight from the store: the database counts tickets per team, breakdown and
/// UTC time bucket (GROUP BY), and the buckets are folded into each team's local days here, so the work
/// in memory is bounded by days x teams x breakdowns, never by the number of tickets.
/// </summary>
public sealed class IncomingSeriesReader(IDbConnectionFactory connections, ReferenceStore reference)
{
    private const int HourSeconds = 3600;
    private const int QuarterHourSeconds = 900;

    private SqlDialect Dialect => connections.Dialect;

    /// <summary>
    /// Daily series from <paramref name="firstDay"/> to <paramref name="lastDay"/> (local days, both
    /// included): the department, every team, and each team's breakdown by <paramref name="grain"/>.
    /// The department counts every ticket, also those no team holds (their days are the department's
    /// default zone's); the teams count their own. Each series starts at its first day with a ticket, so a
    /// team that started mid-history is not mistaken for a quiet one.
    /// </summary>
    public async Task<IReadOnlyList<CountSeries>> ReadDailyAsync(DateOnly firstDay, DateOnly lastDay, ForecastGrain grain, CancellationToken cancellationToken)
    {
        if (lastDay < firstDay)
        {
            return [];
        }

        var zones = await TeamZonesAsync(cancellationToken);
        var bucketSeconds = zones.Values.All(WholeHourOffsets) && WholeHourOffsets(DefaultZone) ? HourSeconds : QuarterHourSeconds;

        // A local day can start up to 14 hours before or after UTC midnight: read a day more on each side.
        var from = new DateTimeOffset(firstDay.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(lastDay.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var bucket = $"{Dialect.EpochSeconds("opened_at")} / {bucketSeconds.ToString(CultureInfo.InvariantCulture)}";
        var (breakdownSelect, breakdownGroup) = grain switch
        {
            ForecastGrain.Kind => ("kind", ", kind"),
            ForecastGrain.Category => ("COALESCE(category, '')", ", COALESCE(category, '')"),
            _ => ("''", ""),
        };
        var sql = $"""
            SELECT team, {bucket} AS bucket, {breakdownSelect} AS breakdown, COUNT(*) AS tickets
            FROM {Dialect.Table("tickets")}
            WHERE opened_at >= @from AND opened_at < @to
            GROUP BY team, {bucket}{breakdownGroup}
            """;

        var days = new Dictionary<SeriesKey, Dictionary<DateOnly, double>>();
        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            sql, new { from = Dialect.ToDb(from), to = Dialect.ToDb(to) }, cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var team = reader.IsDBNull(0) ? null : reader.GetString(0);
                var start = DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) * bucketSeconds);
                var zone = team is null ? DefaultZone : zones.GetValueOrDefault(team) ?? DefaultZone;
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
                if (day < firstDay || day > lastDay)
                {
                    continue;
                }

                var count = Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture);
                Add(days, SeriesKey.Department, day, count);
                if (team is null)
                {
                    continue;
                }

                Add(days, new SeriesKey(team), day, count);
                if (grain != ForecastGrain.Team)
                {
                    Add(days, new SeriesKey(team, reader.GetString(2)), day, count);
                }
            }
        }

        return [.. days
            .OrderBy(d => d.Key.Level).ThenBy(d => d.Key.Team, StringComparer.Ordinal).ThenBy(d => d.Key.Breakdown, StringComparer.Ordinal)
            .Select(d => ToSeries(d.Key, d.Value, lastDay))];
    }

    /// <summary>ISO-week totals of a daily series: whole weeks only, from its first Monday to its last Sunday.</summary>
    public static CountSeries? ToWeekly(CountSeries daily)
    {
        ArgumentNullException.ThrowIfNull(daily);
        if (daily.Frequency != SeriesFrequency.Daily)
        {
            throw new ArgumentException("The series is not daily.", nameof(daily));
        }

        var offset = ((int)DayOfWeek.Monday - (int)daily.Start.DayOfWeek + 7) % 7;
        var weeks = (daily.Count - offset) / 7;
        if (weeks <= 0)
        {
            return null;
        }

        var values = new double[weeks];
        for (var w = 0; w < weeks; w++)
        {
            for (var d = 0; d < 7; d++)
            {
                values[w] += daily.Values[offset + (7 * w) + d];
            }
        }

        return new CountSeries(daily.Key, SeriesFrequency.Weekly, daily.Start.AddDays(offset), values);
    }

    private static TimeZoneInfo DefaultZone => LocalTime.FindZone("Europe/Amsterdam");

    private async Task<Dictionary<string, TimeZoneInfo>> TeamZonesAsync(CancellationToken cancellationToken)
    {
        var teams = await reference.GetTeamsAsync(cancellationToken);
        return teams.ToDictionary(t => t.Name, t => LocalTime.FindZone(t.TimeZone), StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether every offset the zone has used is a whole number of hours. Then hour buckets never straddle
    /// a local midnight, daylight saving included; zones such as India's (+05:30) need quarter hours.
    /// </summary>
    private static bool WholeHourOffsets(TimeZoneInfo zone) =>
        zone.BaseUtcOffset.Minutes == 0
        && zone.GetAdjustmentRules().All(r => (zone.BaseUtcOffset + r.BaseUtcOffsetDelta).Minutes == 0 && r.DaylightDelta.Minutes == 0);

    private static void Add(Dictionary<SeriesKey, Dictionary<DateOnly, double>> days, SeriesKey key, DateOnly day, double count)
    {
        if (!days.TryGetValue(key, out var series))
        {
            series = [];
            days[key] = series;
        }

        series[day] = series.GetValueOrDefault(day) + count;
    }

    private static CountSeries ToSeries(SeriesKey key, Dictionary<DateOnly, double> days, DateOnly lastDay)
    {
        var start = days.Keys.Min();
        var values = new double[lastDay.DayNumber - start.DayNumber + 1];
        foreach (var (day, count) in days)
        {
            values[day.DayNumber - start.DayNumber] = count;
        }

        return new CountSeries(key, SeriesFrequency.Daily, start, values);
    }
}
