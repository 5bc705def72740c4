using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>A generated history in canonical form, with the scenario it was built from.</summary>
public sealed record DemoDataSet(
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Agent> Agents,
    IReadOnlyList<Ticket> Tickets,
    IReadOnlyList<TicketEvent> Events,
    IReadOnlyList<TimeEntry> TimeEntries,
    IReadOnlyList<Feedback> Feedback,
    IReadOnlyList<KnowledgeArticle> Articles,
    DemoScenario Scenario)
{
    /// <summary>
    /// The leave the department's roster records: the long-term sick leave behind the overload, from its first
    /// week and expected to last half a year (the generator's other days off are not planned leave).
    /// </summary>
    public IReadOnlyList<AgentLeave> Leave =>
        [new AgentLeave(Scenario.AbsentAgent, Scenario.OverloadFirstWeek.Monday, Scenario.OverloadFirstWeek.Monday.AddDays((7 * 26) - 1), null)];
}
