using Analytics.Tickets;

namespace Analytics.Tests.Storage;

/// <summary>Canonical records for the store tests; instants are whole seconds in UTC.</summary>
public static class StoreSamples
{
    public const string Source = "servicenow";

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>A ticket with every field set to a value other than its default.</summary>
    public static Ticket FullTicket(string ticketId = "INC0010001") => new()
    {
        Source = Source,
        TicketId = ticketId,
        Kind = TicketKind.Incident,
        Title = "Drucker im 2. Stock – „Papierstau“ ✓ (Zürich)",
        Category = "Hardware",
        Subcategory = "Printer",
        Priority = "2 - High",
        Channel = Channel.WalkIn,
        Team = "Service Desk",
        Assignee = "Anna de Vries",
        ResolvedBy = "Bram Jansen",
        OpenedAt = Utc(3, 2, 8, 15, 30),
        FirstResponseAt = Utc(3, 2, 8, 21, 5),
        ResolvedAt = Utc(3, 3, 16, 45, 59),
        ClosedAt = Utc(3, 6, 0, 0, 1),
        DueAt = Utc(3, 3, 8, 15, 30),
        SlaBreached = true,
        ReopenCount = 2,
        ReassignmentCount = 3,
        Proactive = true,
        TimeSpentMinutes = 95,
        ProblemId = "PRB0000042",
        CausedByChange = "CHG0003117",
        UpdatedAt = Utc(3, 6, 0, 0, 2),
    };

    /// <summary>A ticket with only the required fields; every nullable field is null.</summary>
    public static Ticket MinimalTicket(string ticketId = "REQ0020001") => new()
    {
        Source = Source,
        TicketId = ticketId,
        Kind = TicketKind.Request,
        OpenedAt = Utc(4, 1, 9),
        UpdatedAt = Utc(4, 1, 9, 30),
    };

    public static Team FullTeam() => new()
    {
        Name = "Service Desk",
        ManagerEmails = ["lead@example.org", "head.of.it@example.org"],
        TimeZone = "America/New_York",
        WorkdayStart = new TimeOnly(7, 30),
        WorkdayEnd = new TimeOnly(16, 15),
        Shrinkage = 0.25m,
    };

    public static Team DefaultTeam() => new() { Name = "Workplace" };

    public static Agent FullAgent() => new()
    {
        Name = "Anna de Vries",
        Team = "Service Desk",
        ContractHours = 32.5m,
        ManagerEmail = "lead@example.org",
        RecognitionOptOut = true,
        StartDate = new DateOnly(2026, 2, 16),
        EndDate = new DateOnly(2027, 1, 31),
    };

    /// <summary>An agent whose roster gave a name and team only: contract hours unknown.</summary>
    public static Agent MinimalAgent() => new() { Name = "Bram Jansen", Team = "Workplace" };

    /// <summary>A team whose roster gave its name only: every setting the default, assumed.</summary>
    public static Team NothingGivenTeam() => new() { Name = "Group 70", Given = TeamSettings.None };
}
