namespace Analytics.Tickets;

/// <summary>What sort of work a ticket is, independent of the source system's own names.</summary>
public enum TicketKind
{
    Incident,
    Request,
    Change,
    Problem,
    Task,
    Maintenance,
}
