using Analytics.Calendar;
using Analytics.Privacy;

namespace Analytics.Recognition;

/// <summary>A team's (or the department's) ledger as one reader may see it: null when suppressed.</summary>
public sealed record ScopedLedger(string Team, TeamLedger? Ledger)
{
    public bool Suppressed => Ledger is null;
}

/// <summary>
/// The appreciation and invisible-work summary's content for one scope. Built only by
/// <see cref="AppreciationViewBuilder"/>, which applies the privacy policy: names only where the
/// scope may see them, customers' names never.
/// </summary>
public sealed record AppreciationView
{
    public required ReportScope Scope { get; init; }
    public required IsoWeek Week { get; init; }

    /// <summary>First week of the longer period (the quarter) the summary also looks back over.</summary>
    public required IsoWeek PeriodStart { get; init; }

    public required string Subject { get; init; }

    /// <summary>The subject's ledger for the week and for the period; null when suppressed.</summary>
    public required TeamLedger? WeekLedger { get; init; }

    public required TeamLedger? PeriodLedger { get; init; }

    /// <summary>The subject's ledger week by week over the period, for the trend.</summary>
    public required IReadOnlyList<TeamLedger> WeeklyLedgers { get; init; }

    /// <summary>In a department view every team's period ledger; in a team view that team's.</summary>
    public required IReadOnlyList<ScopedLedger> Teams { get; init; }

    /// <summary>Team highlights, and agent highlights where the scope may see the agent.</summary>
    public required IReadOnlyList<Highlight> Highlights { get; init; }

    public required IReadOnlyList<ProblemCredit> Problems { get; init; }

    public required IReadOnlyList<ThankYou> ThankYous { get; init; }
}

/// <summary>Builds <see cref="AppreciationView"/>s with the <see cref="PrivacyPolicy"/>.</summary>
public sealed class AppreciationViewBuilder(PrivacyPolicy policy)
{
    /// <param name="teamSizes">Agents on staff per team in the period, for the minimum-group rule.</param>
    public AppreciationView Build(ReportScope scope, WorkLedger ledger, RecognitionResult period, IsoWeek week, IReadOnlyDictionary<string, int> teamSizes)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(teamSizes);
        var teams = scope is DepartmentScope ? ledger.Teams.ToList() : [TeamOf(scope)];
        bool Visible(string team) => !policy.Suppresses(scope, team, teamSizes.GetValueOrDefault(team));
        var subject = scope is DepartmentScope ? ledger.DepartmentName : TeamOf(scope);
        var subjectVisible = scope is DepartmentScope || Visible(subject);

        return new AppreciationView
        {
            Scope = scope,
            Week = week,
            PeriodStart = period.From,
            Subject = subject,
            WeekLedger = subjectVisible ? ledger.For(subject, week) : null,
            PeriodLedger = subjectVisible ? ledger.For(subject, period.From, week) : null,
            WeeklyLedgers = subjectVisible ? [.. IsoWeek.Range(period.From, week).Select(w => ledger.For(subject, w))] : [],
            Teams = [.. teams.Select(t => new ScopedLedger(t, Visible(t) ? ledger.For(t, period.From, week) : null))],
            Highlights = [.. period.Highlights.Where(h => teams.Contains(h.Team) && Visible(h.Team) && (h.Agent is null || PrivacyPolicy.MayShowAgent(scope, h.Agent, h.Team)))],
            Problems = [.. period.Problems.Where(p => teams.Contains(p.Team) && Visible(p.Team)).Select(p => p with
            {
                SolvedBy = p.SolvedBy is { } who && PrivacyPolicy.MayShowAgent(scope, who, p.Team) && !policy.OptedOut(who) ? who : null,
                Title = p.Title is null ? null : policy.Redact(p.Title, scope),
            })],
            ThankYous = [.. period.ThankYous.Where(t => teams.Contains(t.Team) && Visible(t.Team) && (scope is not AgentScope a || t.Agent == a.Agent)).Select(t => t with
            {
                Agent = t.Agent is { } who && PrivacyPolicy.MayShowAgent(scope, who, t.Team) ? who : null,
                Comment = t.Comment is { } comment ? policy.Redact(comment, scope) : null,
            })],
        };
    }

    private static string TeamOf(ReportScope scope) => scope switch
    {
        TeamScope t => t.Team,
        AgentScope a => a.Team,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a team or agent scope."),
    };
}
