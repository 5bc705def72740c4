using System.Globalization;
using System.Text;
using Analytics.Import.Sources;

namespace Analytics.Import.Api.ServiceNow;

/// <summary>
/// The Table API requests the connector makes (GET /api/now/table/{table}) and their encoded queries.
/// Dates in an encoded query are written as plain "yyyy-MM-dd HH:mm:ss" text: ServiceNow compares such text
/// with the stored UTC value, whatever the API user's time zone (only javascript:gs.dateGenerate(...) is read
/// in the user's zone), so the watermark goes in as UTC and nothing depends on the user's profile.
/// </summary>
internal static class ServiceNowQuery
{
    /// <summary>Ids per sysparm_query IN list: keeps a request line near 4 KB, well under what proxies accept.</summary>
    public const int IdsPerRequest = 100;

    /// <summary>Audit rows per request; the Table API allows up to 10000.</summary>
    public const int AuditPageSize = 1000;

    /// <summary>The fields read from each ticket table; a field a table lacks is simply not returned.</summary>
    public static readonly string[] TicketFields =
    [
        "sys_id", "number", "sys_class_name", "sys_updated_on", "sys_created_on", "opened_at", "short_description",
        "category", "subcategory", "priority", "contact_type", "assignment_group", "assigned_to", "resolved_by",
        "resolved_at", "closed_at", "due_date", "made_sla", "reopen_count", "reassignment_count", "state", "active",
        "problem_id", "caused_by", "time_worked",
    ];

    /// <summary>The audited fields that become events.</summary>
    public static readonly string[] AuditedFields = ["assignment_group", "assigned_to", "state"];

    /// <summary>
    /// The changed records of all tables in one stream, from the task table every ticket table extends:
    /// one order (sys_updated_on, then sys_id) across tables, so a page can say up to when all is delivered.
    /// The next page starts at the last page's time and skips the records already read at that time, rather
    /// than counting an offset from the start: a record updated while the sync pages moves to the end and
    /// must not shift the records after it out of reach.
    /// </summary>
    public static string ChangedTasks(IReadOnlyList<string> tables, DateTimeOffset from, string? filter, int limit, int skipAtFrom)
    {
        var query = new StringBuilder()
            .Append("sys_class_nameIN").AppendJoin(',', tables)
            .Append("^sys_updated_on>=").Append(Time(from));
        if (filter is not null)
        {
            query.Append('^').Append(filter);
        }

        query.Append("^ORDERBYsys_updated_on^ORDERBYsys_id");
        return Table("task", query.ToString(), "sys_id,sys_class_name,sys_updated_on,number", limit, skipAtFrom, display: false);
    }

    /// <summary>The full records of one table, by sys_id, with display values (names, labels) beside the stored values.</summary>
    public static string Records(string table, IEnumerable<string> sysIds, string? filter, int count)
    {
        var query = "sys_idIN" + string.Join(',', sysIds) + (filter is null ? string.Empty : "^" + filter);
        return Table(table, query, string.Join(',', TicketFields), count, 0, display: true);
    }

    /// <summary>The status and assignment history of some records, in the order it was written.</summary>
    public static string Audit(IEnumerable<string> tables, IEnumerable<string> sysIds, int offset)
    {
        var query = "tablenameIN" + string.Join(',', tables) + "^documentkeyIN" + string.Join(',', sysIds)
            + "^fieldnameIN" + string.Join(',', AuditedFields) + "^ORDERBYsys_created_on^ORDERBYsys_id";
        return Table("sys_audit", query, "sys_id,tablename,documentkey,fieldname,oldvalue,newvalue,user,sys_created_on,record_checkpoint", AuditPageSize, offset, display: false);
    }

    /// <summary>Names of users or groups by sys_id (history holds sys_ids).</summary>
    public static string Names(string table, IEnumerable<string> sysIds, int count) =>
        Table(table, "sys_idIN" + string.Join(',', sysIds), "sys_id,name", count, 0, display: false);

    /// <summary>A whole small table (groups, memberships) in pages.</summary>
    public static string All(string table, string query, string fields, int limit, int offset) =>
        Table(table, query, fields, limit, offset, display: false);

    /// <summary>A UTC instant as an encoded query writes it: to the second, rounded down so nothing is skipped.</summary>
    public static string Time(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Api:Filter as it will be ANDed to the changed-since condition. ^NQ would OR a whole second query (without
    /// the since condition) and ORDERBY would break the paging order, so both are refused with one line.
    /// </summary>
    public static string? Filter(string source, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var trimmed = filter.Trim().Trim('^');
        if (trimmed.Contains("^NQ", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("NQ", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("ORDERBY", StringComparison.OrdinalIgnoreCase) || trimmed.Contains("GROUPBY", StringComparison.OrdinalIgnoreCase))
        {
            throw new SourceQueryException($"Source '{source}': Api:Filter '{Printable.Escape(trimmed)}' may not use ^NQ, ORDERBY or GROUPBY: it is ANDed to the changed-since condition and the connector sets the order.");
        }

        return trimmed;
    }

    private static string Table(string table, string query, string fields, int limit, int offset, bool display)
    {
        var path = new StringBuilder("api/now/table/").Append(Uri.EscapeDataString(table))
            .Append("?sysparm_query=").Append(Uri.EscapeDataString(query))
            .Append("&sysparm_fields=").Append(Uri.EscapeDataString(fields))
            .Append("&sysparm_display_value=").Append(display ? "all" : "false")
            .Append("&sysparm_exclude_reference_link=true")
            .Append("&sysparm_no_count=true")
            .Append("&sysparm_limit=").Append(limit.ToString(CultureInfo.InvariantCulture));
        if (offset > 0)
        {
            path.Append("&sysparm_offset=").Append(offset.ToString(CultureInfo.InvariantCulture));
        }

        return path.ToString();
    }
}
