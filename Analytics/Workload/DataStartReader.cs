using System.Runtime.CompilerServices;
using Analytics.Storage;

namespace Analytics.Workload;

/// <summary>
/// When each team's data starts: the opening of the first ticket the store holds for it (by the ticket's
/// team). Weeks before that are "no data", not weeks of zero: without this a window reaching back before
/// an export's first ticket reads as a backlog of 0 and a "usual" level of 0.
/// </summary>
/// <remarks>
/// One row per team from the (team, opened_at) index. A team that only ever received tickets by hand-over
/// is not listed here; the metrics pass also counts the first ticket it sees the team hold.
/// </remarks>
internal sealed class DataStartReader(IDbConnectionFactory connections)
{
    internal static string Sql(SqlDialect d) => $"""
        SELECT COALESCE(team, '') AS team, {d.EpochSeconds("MIN(opened_at)")} AS first_opened
        FROM {d.Table("tickets")}
        GROUP BY team
        """;

    public async IAsyncEnumerable<(string Team, DateTimeOffset FirstOpened)> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var rows = await d.StreamRowsAsync(connection, Sql(d), [], cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            if (!rows.IsNull(1))
            {
                yield return (rows.GetName(0), DateTimeOffset.FromUnixTimeSeconds(rows.GetInt64(1)));
            }
        }
    }
}
