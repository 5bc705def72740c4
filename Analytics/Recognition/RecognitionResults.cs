using Analytics.Calendar;
using Analytics.Text;

namespace Analytics.Recognition;

/// <summary>A specific, positive statement backed by data. <see cref="Agent"/> is null for a team highlight.</summary>
/// <param name="Text">The statement without its subject ("resolved 3 priority-1 incidents"), so a report can start it with a name or "The team".</param>
/// <param name="Kind">Stable identifier of what it is about ("p1", "passed-on", "article", ...).</param>
public sealed record Highlight(string Team, string? Agent, string Kind, string Text)
{
    /// <summary>A highlight whose English is the phrase's; reports say the phrase in their readers' language.</summary>
    public Highlight(string team, string? agent, string kind, Phrase phrase)
        : this(team, agent, kind, (phrase ?? throw new ArgumentNullException(nameof(phrase))).English)
    {
        Phrase = phrase;
    }

    /// <summary>The highlight as a phrase; null only for highlights made from plain text (tests).</summary>
    public Phrase? Phrase { get; init; }
}

/// <summary>A fixed problem, credited with the incidents it stopped.</summary>
/// <param name="LinkedBefore">Incidents linked to the problem that were opened before the fix.</param>
/// <param name="WeeksBefore">Weeks from the first linked incident to the fix (at least one).</param>
/// <param name="RecurredAfter">Linked incidents opened after the fix.</param>
/// <param name="PreventedEstimate">Incidents the fix is estimated to prevent over the prevention window: the rate before the fix times the window, less recurrences.</param>
public sealed record ProblemCredit(string ProblemId, string Team, string? Title, string? SolvedBy, DateTimeOffset FixedAt, int LinkedBefore, double WeeksBefore, int RecurredAfter, double PreventedEstimate, int PreventionWeeks);

/// <summary>A thank-you from customer feedback, with the customer's signature removed. Names of agents are removed per scope by the privacy policy.</summary>
/// <summary>
/// A customer's thanks. Every thanks counts; <see cref="Comment"/> is the quotable text, null when it may
/// not be quoted (the agent opted out of recognition, or nothing but names and signature was left).
/// </summary>
public sealed record ThankYou(string Team, string? Agent, DateTimeOffset GivenAt, int Score, string? Comment)
{
    public bool Quotable => Comment is not null;
}

/// <summary>Recognition for a period: highlights per agent and per team, problem credits and thank-yous.</summary>
public sealed record RecognitionResult(
    IsoWeek From,
    IsoWeek To,
    IReadOnlyList<Highlight> Highlights,
    IReadOnlyList<ProblemCredit> Problems,
    IReadOnlyList<ThankYou> ThankYous)
{
    /// <summary>Whether the store holds any customer feedback up to the period's end: without any, a count of 0 thank-yous means "unknown".</summary>
    public bool FeedbackInData { get; init; } = true;

    public IEnumerable<Highlight> ForTeam(string team) => Highlights.Where(h => h.Team == team && h.Agent is null);

    public IEnumerable<Highlight> ForAgentsOf(string team) => Highlights.Where(h => h.Team == team && h.Agent is not null);
}
