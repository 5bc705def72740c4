using Analytics.Tickets;

namespace Analytics.Import.EventLog;

/// <summary>
/// The case-level fields of an event log (title, category, kind, ...), read by the same mapping code as
/// a one-row-per-ticket file, from a record holding each column's last value in the case.
/// </summary>
internal interface ICaseFieldMapper
{
    /// <summary>Columns read per case; their last non-empty value in the case is the ticket's.</summary>
    IReadOnlyList<Column> CaseColumns { get; }

    /// <summary>Date columns among them, which take part in detecting the file's date layout.</summary>
    IReadOnlyList<Column> DateColumns { get; }

    /// <summary>The ticket, or null with the row's problems recorded.</summary>
    Ticket? Parse(RowReader row, CaseFacts? fold);
}
