using Analytics.Calendar;
using Analytics.Text;

namespace Analytics.Workload;

/// <summary>How urgent a flag is: worth watching, needs attention, or needs action now.</summary>
public enum FlagSeverity
{
    Watch = 1,
    Warning = 2,
    Critical = 3,
}

/// <summary>One reason behind a flag, as a sentence with its figures.</summary>
/// <param name="Rule">Stable identifier of the rule ("backlog-growth", "days-to-clear", ...).</param>
/// <param name="Text">The reason in English, for the command line and logs.</param>
public sealed record FlagReason(string Rule, FlagSeverity Severity, string Text)
{
    /// <summary>A reason whose English is the phrase's; reports say the phrase in their readers' language.</summary>
    public FlagReason(string rule, FlagSeverity severity, Phrase phrase)
        : this(rule, severity, (phrase ?? throw new ArgumentNullException(nameof(phrase))).English)
    {
        Phrase = phrase;
    }

    /// <summary>The reason as a phrase; null only for reasons made from plain text (tests).</summary>
    public Phrase? Phrase { get; init; }
}

/// <summary>A team flagged as overloaded in a week, with every reason that applied.</summary>
public sealed record TeamFlag(string Team, IsoWeek Week, FlagSeverity Severity, IReadOnlyList<FlagReason> Reasons);

/// <summary>An agent flagged in a week. Personal data: only in results for the agent's own team manager.</summary>
public sealed record AgentFlag(string Agent, string Team, IsoWeek Week, FlagSeverity Severity, IReadOnlyList<FlagReason> Reasons);

/// <summary>The flags of one week.</summary>
public sealed record OverloadReport(IsoWeek Week, IReadOnlyList<TeamFlag> Teams, IReadOnlyList<AgentFlag> Agents);
