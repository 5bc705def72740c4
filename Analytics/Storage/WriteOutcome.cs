namespace Analytics.Storage;

/// <summary>What writing one ticket did.</summary>
public enum WriteOutcome
{
    Inserted,
    Updated,
    Unchanged,

    /// <summary>The same key appeared earlier in the same file with different content; the later row was not written.</summary>
    ConflictingDuplicate,
}

/// <summary>
/// A ticket to write, with the file line it came from (for duplicate detection and messages) and, when
/// the caller already has it, its <see cref="TicketHash"/> (the import computes it on the reading thread).
/// </summary>
public readonly record struct TicketWrite(Tickets.Ticket Ticket, long? Line, long? Hash = null);

/// <summary>The outcome for one <see cref="TicketWrite"/>; <see cref="FirstLine"/> names the earlier line of a duplicate.</summary>
public readonly record struct TicketWriteResult(WriteOutcome Outcome, long? FirstLine);
