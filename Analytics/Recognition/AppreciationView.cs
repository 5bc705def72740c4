using Analytics.Calendar;
using Analytics.Privacy;

namespace Analytics.Recognition;

/// <summary>
/// A team's ledger as one reader may see it: null when suppressed. In a department view the smaller teams
/// share one row (<see cref="Merged"/>): <see cref="Team"/> is then its label and the ledger the teams' together.
/// </summary>
public sealed record ScopedLedger(string Team, TeamLedger? Ledger)
{
    public bool Suppressed => Ledger is null;

    /// <summary>The teams a merged row adds up; empty for a team on its own row.</summary>
    public IReadOnlyList<string> MergedTeams { get; init; } = [];

    public bool Merged => MergedTeams.Count > 0;
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

    /// <summary>False when the data holds no customer feedback at all: the thank-you count is then unknown, not 0.</summary>
    public bool FeedbackInData { get; init; } = true;
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
        var rows = policy.TeamRows(scope, teams.Select(t => (t, teamSizes.GetValueOrDefault(t))));
        var rowOf = rows.SelectMany(r => r.Teams.Select(t => (Team: t, Row: r))).ToDictionary(x => x.Team, x => x.Row, StringComparer.Ordinal);

        // On a row of its own: the team may be named with what it did.
        bool Visible(string team) => rowOf.TryGetValue(team, out var row) && row.Shown && !row.Merged;

        // Thanks and problems of a merged team count for its row, so that the department's totals stay whole
        // without a count per team that could be subtracted; a team highlight names one team's figures and is left out.
        string? RowLabel(string team) => rowOf.TryGetValue(team, out var row) && row.Shown ? row.Label : null;
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
            Teams = [.. rows.Select(r => new ScopedLedger(r.Label, r.Shown ? ledger.For(r.Teams, r.Label, period.From, week) : null) { MergedTeams = r.Merged ? r.Teams : [] })],
            Highlights = [.. period.Highlights.Where(h => teams.Contains(h.Team) && Visible(h.Team) && (h.Agent is null || PrivacyPolicy.MayShowAgent(scope, h.Agent, h.Team)))],
            Problems = [.. period.Problems.Where(p => teams.Contains(p.Team) && RowLabel(p.Team) is not null).Select(p => p with
            {
                Team = RowLabel(p.Team)!,
                SolvedBy = p.SolvedBy is { } who && PrivacyPolicy.MayShowAgent(scope, who, p.Team) && !policy.OptedOut(who) ? who : null,
                Title = p.Title is null ? null : policy.Redact(p.Title, scope),
            })],
            ThankYous = [.. period.ThankYous.Where(t => teams.Contains(t.Team) && RowLabel(t.Team) is not null && (scope is not AgentScope a || t.Agent == a.Agent)).Select(t => t with
            {
                Team = RowLabel(t.Team)!,
                Agent = t.Agent is { } who && PrivacyPolicy.MayShowAgent(scope, who, t.Team) ? who : null,
                Comment = t.Comment is { } comment ? policy.Redact(comment, scope) : null,
            })],
            FeedbackInData = period.FeedbackInData,
        };
    }

    private static string TeamOf(ReportScope scope) => scope switch
    {
        TeamScope t => t.Team,
        AgentScope a => a.Team,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a team or agent scope."),
    };
}
