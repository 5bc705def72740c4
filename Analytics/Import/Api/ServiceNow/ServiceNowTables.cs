using Analytics.Tickets;

namespace Analytics.Import.Api.ServiceNow;

/// <summary>
/// What each ticket table is, and the labels of its base-system state codes. The audit trail holds codes; the
/// labels of the codes an instance uses are learnt from the records' display values as they are read, and
/// these stand in for codes no record on hand carries (the same words the CSV profile stores).
/// </summary>
internal static class ServiceNowTables
{
    public static readonly IReadOnlyList<string> Default = ["incident", "sc_req_item", "change_request", "problem"];

    private static readonly Dictionary<string, string> Incident = new(StringComparer.Ordinal)
    {
        ["1"] = "New", ["2"] = "In Progress", ["3"] = "On Hold", ["6"] = "Resolved", ["7"] = "Closed", ["8"] = "Canceled",
    };

    private static readonly Dictionary<string, string> RequestItem = new(StringComparer.Ordinal)
    {
        ["-5"] = "Pending", ["1"] = "Open", ["2"] = "Work in Progress", ["3"] = "Closed Complete", ["4"] = "Closed Incomplete", ["7"] = "Closed Skipped",
    };

    private static readonly Dictionary<string, string> Change = new(StringComparer.Ordinal)
    {
        ["-5"] = "New", ["-4"] = "Assess", ["-3"] = "Authorize", ["-2"] = "Scheduled", ["-1"] = "Implement", ["0"] = "Review", ["3"] = "Closed", ["4"] = "Canceled",
    };

    private static readonly Dictionary<string, string> Problem = new(StringComparer.Ordinal)
    {
        ["101"] = "New", ["102"] = "Assess", ["103"] = "Root Cause Analysis", ["104"] = "Fix in Progress", ["106"] = "Resolved", ["107"] = "Closed",
    };

    /// <summary>The kind of work a table holds; a table given in Api:Tables that is not known here is read as incidents.</summary>
    public static TicketKind KindOf(string table) => table switch
    {
        "sc_req_item" or "sc_request" => TicketKind.Request,
        "change_request" => TicketKind.Change,
        "problem" => TicketKind.Problem,
        "sc_task" or "change_task" or "problem_task" or "incident_task" => TicketKind.Task,
        _ => TicketKind.Incident,
    };

    /// <summary>The base system's label for a state code of a table; null for a code it does not define.</summary>
    public static string? StateLabel(string table, string code)
    {
        var labels = table switch
        {
            "incident" => Incident,
            "sc_req_item" => RequestItem,
            "change_request" => Change,
            "problem" => Problem,
            _ => null,
        };
        return labels is not null && labels.TryGetValue(code, out var label) ? label : null;
    }
}
