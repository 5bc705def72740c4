namespace Analytics.Import.EventLog;

/// <summary>
/// What an event-log import read and stored: the readable events, the cases they fold into, the ticket
/// events derived (a status event per row plus every hand-over) and how many of those were new.
/// </summary>
public sealed record EventLogSummary(long EventsRead, long Cases, long EventsDerived, long EventsNew);
