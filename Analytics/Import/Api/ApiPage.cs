using Analytics.Tickets;

namespace Analytics.Import.Api;

/// <summary>
/// One page of an API's changed records, mapped.
/// </summary>
/// <param name="Tickets">The records that could be mapped, each with its status and assignment history.</param>
/// <param name="Problems">Records that could not be read, each named by its key in the system.</param>
/// <param name="CompleteUpTo">
/// Every record changed before this instant has been delivered, on this page or an earlier one: the
/// watermark may move here once the page is stored. Null when the page cannot say (an unordered page);
/// the sync then moves the watermark only at the end of the run.
/// </param>
public sealed record ApiPage(
    IReadOnlyList<ApiTicket> Tickets,
    IReadOnlyList<ApiRecordProblem> Problems,
    DateTimeOffset? CompleteUpTo);

/// <summary>A ticket and the events the API gave for it (status, assignee and group changes).</summary>
public sealed record ApiTicket(Ticket Ticket, IReadOnlyList<TicketEvent> Events);

/// <summary>A record the connector could not map: quarantined with the system's key, the field and why.</summary>
public sealed record ApiRecordProblem(string RecordKey, string Field, string? RawValue, string Reason, DateTimeOffset? UpdatedAt = null);

/// <summary>
/// A roster table as the system gives it, in the columns of a roster file (docs/roster.md): for teams
/// "Team", "Manager e-mails"...; for agents "Name", "Team", "Contract hours", "Start date"... Values are
/// text as a CSV would hold them (dates yyyy-MM-dd, numbers invariant).
/// </summary>
public sealed record ApiRosterTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
