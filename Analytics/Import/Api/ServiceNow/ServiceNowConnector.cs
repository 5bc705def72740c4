using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Analytics.Import.Sources;

namespace Analytics.Import.Api.ServiceNow;

/// <summary>
/// ServiceNow's Table API (/api/now/table, the "latest" version): the incidents, request items, changes and
/// problems changed since the watermark, their group, assignee and state history from sys_audit, and the
/// roster from sys_user_group and sys_user_grmember. Per page of changed records it makes one request on
/// the task table (the order), one per ticket table on the page (the records with display values), one or
/// more on sys_audit (the history of the page's records) and, per hundred ids the history names that no
/// record showed, one on sys_user or sys_user_group: a handful per page, none per ticket.
/// </summary>
public sealed class ServiceNowConnector : ITicketApiConnector
{
    public SourceProvider Provider => SourceProvider.ServiceNow;

    /// <summary>Basic authentication with Api:User and Api:Secret; without a user, Api:Secret is an OAuth access token.</summary>
    public AuthenticationHeaderValue Authorization(ApiSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrEmpty(options.User) ? ApiClient.Bearer(options.Secret) : ApiClient.Basic(options.User, options.Secret);
    }

    public async IAsyncEnumerable<ApiPage> ReadChangedAsync(ApiReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = request.Source;
        var tables = Tables(source);
        var filter = ServiceNowQuery.Filter(source.Name, source.Api.Filter);
        var limit = Math.Clamp(source.Api.PageSize, 1, 10_000);
        var names = new ServiceNowNames(request.Client);
        var from = request.Since;
        var skip = 0;
        while (true)
        {
            using var json = await request.Client.GetJsonAsync(ServiceNowQuery.ChangedTasks(tables, from, filter, limit, skip), cancellationToken);
            var changed = ServiceNowResult.Records(json).Select(e => new ServiceNowRecord(e)).ToList();
            if (changed.Count == 0)
            {
                yield break;
            }

            var problems = new List<ApiRecordProblem>();
            var order = new List<(string Table, string SysId)>();
            DateTimeOffset? last = null;
            foreach (var row in changed)
            {
                var at = row.Time("sys_updated_on", out _);
                if (at is { } time && (last is null || time > last))
                {
                    last = time;
                }

                if (row.Value("sys_id") is { } id && row.Value("sys_class_name") is { } table && tables.Contains(table, StringComparer.Ordinal))
                {
                    order.Add((table, id));
                }
                else
                {
                    problems.Add(new ApiRecordProblem(row.Value("number") ?? row.Value("sys_id") ?? "(no sys_id)", row.Value("sys_id") is null ? "sys_id" : "sys_class_name", row.Value("sys_class_name"), "the task row names no record of a table this source reads", at));
                }
            }

            var tickets = await ReadPageAsync(request, order, filter, names, problems, cancellationToken);
            yield return new ApiPage(tickets, problems, last);
            if (changed.Count < limit)
            {
                yield break;
            }

            if (last is null)
            {
                throw new SourceQueryException($"Source '{source.Name}': a full page of changed records carried no readable sys_updated_on; the next page cannot be found.");
            }

            // The records read at the last time are skipped, not re-read: a whole page at one second moves on.
            var atLast = changed.Count(r => r.Time("sys_updated_on", out _) == last);
            skip = last == from ? skip + atLast : atLast;
            from = last.Value;
        }
    }

    public Task<IReadOnlyList<ApiRosterTable>> ReadRosterAsync(ApiReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ServiceNowRoster.ReadAsync(request.Client, Math.Clamp(request.Source.Api.PageSize, 100, 10_000), cancellationToken);
    }

    /// <summary>Api:Tables, or the four ticket tables; a name is a table name, checked so it cannot bend the query.</summary>
    private static List<string> Tables(TicketSourceOptions source)
    {
        var tables = source.Api.Tables.Count > 0 ? source.Api.Tables.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList() : [.. ServiceNowTables.Default];
        foreach (var table in tables)
        {
            if (!table.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new SourceQueryException($"Source '{source.Name}': Api:Tables entry '{Printable.Escape(table)}' is not a ServiceNow table name (letters, digits and _, such as incident or sc_req_item).");
            }
        }

        return tables.Count > 0 ? tables : [.. ServiceNowTables.Default];
    }

    /// <summary>The page's records in page order, each with its history; records gone since the task row was read are left out.</summary>
    private static async Task<List<ApiTicket>> ReadPageAsync(
        ApiReadRequest request, List<(string Table, string SysId)> order, string? filter, ServiceNowNames names, List<ApiRecordProblem> problems, CancellationToken cancellationToken)
    {
        var mapped = new Dictionary<string, MappedRecord>(StringComparer.Ordinal);
        foreach (var group in order.GroupBy(o => o.Table))
        {
            foreach (var chunk in group.Select(o => o.SysId).Distinct(StringComparer.Ordinal).Chunk(ServiceNowQuery.IdsPerRequest))
            {
                using var json = await request.Client.GetJsonAsync(ServiceNowQuery.Records(group.Key, chunk, filter, chunk.Length), cancellationToken);
                foreach (var element in ServiceNowResult.Records(json))
                {
                    var record = new ServiceNowRecord(element);
                    names.Learn(group.Key, record);
                    if (ServiceNowTicketMapper.Map(request.Source.Name, group.Key, record, problems) is { } ticket)
                    {
                        mapped[ticket.SysId] = ticket;
                    }
                }
            }
        }

        var audit = new List<AuditRow>();
        foreach (var chunk in mapped.Values.Chunk(ServiceNowQuery.IdsPerRequest))
        {
            var tables = chunk.Select(m => m.Table).Distinct(StringComparer.Ordinal).ToList();
            var ids = chunk.Select(m => m.SysId).ToList();
            for (var offset = 0; ; offset += ServiceNowQuery.AuditPageSize)
            {
                using var json = await request.Client.GetJsonAsync(ServiceNowQuery.Audit(tables, ids, offset), cancellationToken);
                var rows = ServiceNowResult.Records(json).ToList();
                audit.AddRange(rows.Select(r => ServiceNowHistory.Read(new ServiceNowRecord(r))).OfType<AuditRow>());
                if (rows.Count < ServiceNowQuery.AuditPageSize)
                {
                    break;
                }
            }
        }

        await names.ResolveAsync(audit, cancellationToken);
        var history = audit.ToLookup(a => a.DocumentKey, StringComparer.Ordinal);
        var tickets = new List<ApiTicket>(mapped.Count);
        foreach (var (_, sysId) in order.DistinctBy(o => o.SysId))
        {
            if (mapped.TryGetValue(sysId, out var record))
            {
                tickets.Add(ServiceNowHistory.Fold(record, history[sysId], names));
            }
        }

        return tickets;
    }
}
