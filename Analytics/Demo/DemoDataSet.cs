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
    DemoScenario Scenario);
