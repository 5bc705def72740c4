using Analytics.Tickets;

namespace Analytics.Workload;

/// <summary>The fields of one ticket the weekly metrics need, with its team and assignment changes in time order.</summary>
internal sealed class WorkloadTicket
{
    public TicketKind Kind { get; set; }
    public string? Team { get; set; }
    public string? Assignee { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public bool? SlaBreached { get; set; }

    /// <summary>Reopened at least once.</summary>
    public bool Reopened { get; set; }

    /// <summary>Reassigned at least once.</summary>
    public bool Reassigned { get; set; }

    /// <summary>Team changes (<see cref="TicketEventKind.TeamAssignment"/>) in time order.</summary>
    public List<Handover> TeamChanges { get; } = [];

    /// <summary>Assignee changes (<see cref="TicketEventKind.Assignment"/>) in time order.</summary>
    public List<Handover> AssigneeChanges { get; } = [];

    /// <summary>Events in time order, whatever order the database returned them in.</summary>
    public void SortChanges()
    {
        if (TeamChanges.Count > 1)
        {
            TeamChanges.Sort((a, b) => a.At.CompareTo(b.At));
        }

        if (AssigneeChanges.Count > 1)
        {
            AssigneeChanges.Sort((a, b) => a.At.CompareTo(b.At));
        }
    }

    public void Clear()
    {
        TeamChanges.Clear();
        AssigneeChanges.Clear();
    }
}

/// <summary>A change of holder at a moment.</summary>
internal readonly record struct Handover(DateTimeOffset At, string? From, string? To);

/// <summary>A span during which one holder (a team or an agent) held a ticket; <see cref="Until"/> is null while it still does.</summary>
internal readonly record struct Holding(string Holder, DateTimeOffset From, DateTimeOffset? Until, bool EndedByHandover);
