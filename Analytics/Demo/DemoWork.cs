using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>A ticket while the simulation works on it: mutable, internal to the generator.</summary>
internal sealed class DemoWork
{
    public required DemoWorkType Type { get; init; }
    public required string Team { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    public required int Priority { get; init; }
    public required Channel Channel { get; init; }
    public required string Title { get; init; }
    public required double HandlingMinutes { get; set; }

    /// <summary>Before this the ticket cannot be worked on: waiting for approval, the user, or its scheduled slot.</summary>
    public required DateTimeOffset EligibleAt { get; set; }

    /// <summary>Planned work done in an evening maintenance window rather than in office hours.</summary>
    public bool InNightWindow { get; init; }

    /// <summary>Set when the ticket was first logged by the Service Desk and passed on to this team.</summary>
    public string? EscalatedFrom { get; init; }

    public DateTimeOffset? EscalatedAt { get; init; }

    public string? ServiceDeskAgent { get; set; }

    public string TicketId { get; set; } = "";

    public int? Assignee { get; set; }

    /// <summary>The first agent to hold the ticket, before any handover.</summary>
    public int? FirstAssignee { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    public List<(DateTimeOffset At, int From, int To)> Handovers { get; } = [];

    public DateTimeOffset? FirstResolvedAt { get; set; }

    public DateTimeOffset? ReopenedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public int? ResolvedBy { get; set; }

    public bool WillReopen { get; set; }

    /// <summary>Hands-on minutes by agent index and day, which become time registrations.</summary>
    public List<(int Agent, DateTimeOffset At, int Minutes)> Work { get; } = [];

    public string? ProblemId { get; set; }

    public string? CausedByChange { get; set; }

    public bool IsResolved => ResolvedAt is not null;
}
