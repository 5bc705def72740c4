namespace Analytics.Recognition;

/// <summary>What one agent (or a whole team) did in a period that deserves to be seen. Mutable while counted.</summary>
internal sealed class RecognitionFacts
{
    public int PriorityOneResolved { get; set; }

    /// <summary>Tickets closed that had been passed on three or more times before.</summary>
    public int HardTicketsClosed { get; set; }

    public int ChangesAfterHours { get; set; }

    /// <summary>Of those, changes later recorded as the cause of an incident.</summary>
    public int ChangesAfterHoursWithIncident { get; set; }

    public int ThankYous { get; set; }

    public int ArticlesWritten { get; set; }

    /// <summary>The agent's most used article and its uses (all time, as the knowledge base counts them).</summary>
    public (string Title, int Uses)? TopArticle { get; set; }

    public int ArticleUses { get; set; }

    public List<ProblemCredit> Problems { get; } = [];

    public int Resolved { get; set; }

    public int BehindTheScenesResolved { get; set; }
}
