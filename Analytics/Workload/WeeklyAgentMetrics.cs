using Analytics.Calendar;

namespace Analytics.Workload;

/// <summary>
/// One agent's week. Personal data: only ever shown to the agent's own team manager (and the agent);
/// see <see cref="Privacy.PrivacyPolicy"/>.
/// </summary>
public sealed record WeeklyAgentMetrics
{
    public required string Agent { get; init; }
    public required string Team { get; init; }
    public required IsoWeek Week { get; init; }

    /// <summary>Whether the agent had joined by the week's end and not left before it began.</summary>
    public bool OnStaff { get; init; }

    /// <summary>On leave every working day of the week they were on staff: their zeros are leave, not idleness.</summary>
    public bool OnLeave { get; init; }

    /// <summary>Tickets the agent resolved in the week: credit goes to the resolver, not the last assignee.</summary>
    public int Resolved { get; init; }

    /// <summary>Open tickets the agent held when the week ended, by the assignment history where the source has one.</summary>
    public int WorkInProgress { get; init; }

    /// <summary>Resolutions by the agent outside the team's working hours.</summary>
    public int AfterHoursResolutions { get; init; }

    /// <summary>Of the agent's resolutions in the week, the share outside working hours.</summary>
    public double? AfterHoursShare { get; init; }

    /// <summary>Hours the agent registered for the week's days.</summary>
    public double HoursLogged { get; init; }

    /// <summary>The agent's contract hours for the week's working days they were on staff and not on leave; null when unknown.</summary>
    public double? ContractHours { get; init; }

    /// <summary>Tickets the agent passed to a colleague or another team in the week.</summary>
    public int HandedOn { get; init; }

    /// <summary>Tickets that came back to the agent in the week after the agent had passed them on (ping-pong).</summary>
    public int Bounced { get; init; }
}
