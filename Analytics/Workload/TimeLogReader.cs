using System.Runtime.CompilerServices;
using Analytics.Storage;

namespace Analytics.Workload;

/// <summary>Minutes logged per agent and week, weeks counted from the window's first Monday; an agent and week may come more than once.</summary>
internal sealed class TimeLogReader(IDbConnectionFactory connections)
{
    public async IAsyncEnumerable<(string Agent, int Week, long Minutes)> ReadAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var rows = await d.StreamRowsAsync(connection, Sql(d), [new("from", d.ToDb(from)), new("to", d.ToDb(to))], cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            yield return (rows.GetName(0), rows.GetInt32(1), rows.GetInt64(2));
        }
    }

    /// <summary>
    /// Summed per agent and week in SQL where the engine groups by hashing; SQLite would walk the
    /// agent-and-date index and look up every entry for its minutes, then sort the weeks (0.3 s for five
    /// years of 300 agents), where a plain scan streamed into the pass's sums takes a tenth of that.
    /// </summary>
    internal static string Sql(SqlDialect d)
    {
        var entries = $"""
            SELECT agent, {d.DaysBetween("@from", "work_date")} / 7 AS week, CAST(minutes AS BIGINT) AS minutes
            FROM {d.Table("time_entries")}
            WHERE work_date >= @from AND work_date <= @to
            """;
        return d.GroupsByHashing
            ? $"SELECT agent, week, CAST(SUM(minutes) AS BIGINT) FROM ({entries}) logged GROUP BY agent, week"
            : entries;
    }
}
