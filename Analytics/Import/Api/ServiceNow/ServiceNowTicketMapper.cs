using System.Globalization;
using Analytics.Import.Profiles;
using Analytics.Tickets;

namespace Analytics.Import.Api.ServiceNow;

/// <summary>A ticket read from one record, with what its history needs: the table, the sys_id and the state code.</summary>
internal sealed record MappedRecord(string Table, string SysId, Ticket Ticket);

/// <summary>
/// Maps one Table API record (read with display values) onto the canonical ticket the way the CSV ServiceNow
/// profile maps an export: number as the key, the display values an export shows (group and user names,
/// "1 - Critical", category labels), stored UTC times for every instant, made_sla inverted into a breach, and
/// a Canceled or inactive record without closed_at closed at its last update. A closed record without
/// resolved_at (request items and changes have none) counts as resolved when it closed.
/// </summary>
internal static class ServiceNowTicketMapper
{
    public static MappedRecord? Map(string source, string table, ServiceNowRecord record, List<ApiRecordProblem> problems)
    {
        var sysId = record.Value("sys_id");
        var number = record.Value("number");
        var key = number ?? sysId ?? "(no number)";
        var before = problems.Count;

        var updated = Time(record, "sys_updated_on", key, null, problems);
        if (number is null)
        {
            problems.Add(new ApiRecordProblem(sysId ?? key, "number", null, "required value is missing", updated));
        }

        if (sysId is null)
        {
            problems.Add(new ApiRecordProblem(key, "sys_id", null, "required value is missing", updated));
        }

        var openedField = record.Value("opened_at") is not null ? "opened_at" : "sys_created_on";
        var opened = Time(record, openedField, key, updated, problems);
        if (opened is null && record.Value(openedField) is null)
        {
            problems.Add(new ApiRecordProblem(key, "opened_at", null, "required value is missing", updated));
        }

        var resolved = Time(record, "resolved_at", key, updated, problems);
        var closed = Time(record, "closed_at", key, updated, problems);
        var due = Time(record, "due_date", key, updated, problems);
        var reopen = Count(record, "reopen_count", key, updated, problems);
        var reassign = Count(record, "reassignment_count", key, updated, problems);
        var madeSla = Flag(record, "made_sla", key, updated, problems);
        var active = Flag(record, "active", key, updated, problems);
        var minutes = Minutes(record, key, updated, problems);
        NotBefore(resolved, opened, "resolved_at", record, key, updated, problems);
        NotBefore(closed, opened, "closed_at", record, key, updated, problems);
        if (problems.Count > before || number is null || sysId is null || opened is null)
        {
            return null;
        }

        var state = StateLabel(table, record);
        if (closed is null && (AuditTrailFold.IsCanceled(state) || active == false))
        {
            closed = updated ?? (resolved > opened ? resolved : opened);
        }

        resolved ??= closed;
        var channel = ChannelNames.Parse(record.Display("contact_type")) ?? ChannelNames.Parse(record.Value("contact_type"));
        var ticket = new Ticket
        {
            Source = source,
            TicketId = number,
            Kind = ServiceNowTables.KindOf(table),
            Title = record.Display("short_description"),
            Category = record.Display("category"),
            Subcategory = record.Display("subcategory"),
            Priority = record.Display("priority"),
            Channel = channel,
            Team = record.Display("assignment_group"),
            Assignee = record.Display("assigned_to"),
            ResolvedBy = record.Display("resolved_by"),
            OpenedAt = opened.Value,
            ResolvedAt = resolved,
            ClosedAt = closed,
            DueAt = due,
            SlaBreached = madeSla is { } made ? !made : null,
            ReopenCount = reopen ?? 0,
            ReassignmentCount = reassign ?? 0,
            Proactive = channel == Channel.Monitoring,
            TimeSpentMinutes = minutes,
            ProblemId = record.Display("problem_id"),
            CausedByChange = record.Display("caused_by"),
            UpdatedAt = updated ?? Profiles.ProfileMapper.Latest(opened.Value, resolved, closed),
        };
        return new MappedRecord(table, sysId, ticket);
    }

    /// <summary>The state's label: the display value, else the base system's label for the code, else the code.</summary>
    public static string? StateLabel(string table, ServiceNowRecord record)
    {
        var code = record.Value("state");
        var display = record.Display("state");
        if (code is null)
        {
            return display;
        }

        return display is not null && display != code ? display : ServiceNowTables.StateLabel(table, code) ?? code;
    }

    private static DateTimeOffset? Time(ServiceNowRecord record, string field, string key, DateTimeOffset? updated, List<ApiRecordProblem> problems)
    {
        var time = record.Time(field, out var problem);
        if (problem is not null)
        {
            problems.Add(new ApiRecordProblem(key, field, record.Value(field), problem, updated));
        }

        return time;
    }

    private static int? Count(ServiceNowRecord record, string field, string key, DateTimeOffset? updated, List<ApiRecordProblem> problems)
    {
        var text = record.Value(field);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= 0)
        {
            return count;
        }

        problems.Add(new ApiRecordProblem(key, field, text, "not a whole number", updated));
        return null;
    }

    private static bool? Flag(ServiceNowRecord record, string field, string key, DateTimeOffset? updated, List<ApiRecordProblem> problems)
    {
        var text = record.Value(field);
        switch (text)
        {
            case null:
                return null;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                problems.Add(new ApiRecordProblem(key, field, text, "not true or false", updated));
                return null;
        }
    }

    /// <summary>time_worked is a duration: stored as "1970-01-01 HH:mm:ss" (a time after the epoch), or seconds.</summary>
    private static int? Minutes(ServiceNowRecord record, string key, DateTimeOffset? updated, List<ApiRecordProblem> problems)
    {
        var text = record.Value("time_worked");
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return (int)Math.Round(seconds / 60.0);
        }

        if (ServiceNowRecord.TryTime(text, out var sinceEpoch) && sinceEpoch >= DateTimeOffset.UnixEpoch)
        {
            return (int)Math.Round((sinceEpoch - DateTimeOffset.UnixEpoch).TotalMinutes);
        }

        problems.Add(new ApiRecordProblem(key, "time_worked", text, "not a duration", updated));
        return null;
    }

    private static void NotBefore(DateTimeOffset? value, DateTimeOffset? opened, string field, ServiceNowRecord record, string key, DateTimeOffset? updated, List<ApiRecordProblem> problems)
    {
        if (value is { } v && opened is { } o && v < o)
        {
            problems.Add(new ApiRecordProblem(key, field, record.Value(field), string.Create(CultureInfo.InvariantCulture, $"{field} ({v:u}) before opened ({o:u})"), updated));
        }
    }

}
