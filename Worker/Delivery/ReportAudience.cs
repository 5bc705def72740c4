namespace Worker.Delivery;

/// <summary>Who a report is written for; decides its recipients and the scope part of its outbox key.</summary>
public sealed record ReportAudience
{
    private ReportAudience(AudienceKind kind, string? team)
    {
        Kind = kind;
        Team = team;
    }

    public AudienceKind Kind { get; }

    /// <summary>The team, for a team audience.</summary>
    public string? Team { get; }

    /// <summary>The department report: team-level figures, to the department list.</summary>
    public static ReportAudience Department { get; } = new(AudienceKind.Department, null);

    /// <summary>A team's report without per-agent detail: to its managers and its other recipients.</summary>
    public static ReportAudience ForTeam(string team) => new(AudienceKind.Team, Required(team));

    /// <summary>A team's report with per-agent detail: to that team's managers only.</summary>
    public static ReportAudience ForTeamManagers(string team) => new(AudienceKind.TeamManagers, Required(team));

    /// <summary>The scope part of the outbox key.</summary>
    public string Scope => Kind switch
    {
        AudienceKind.Department => "department",
        AudienceKind.Team => "team:" + Team,
        _ => "team-managers:" + Team,
    };

    private static string Required(string team) =>
        string.IsNullOrWhiteSpace(team) ? throw new ArgumentException("A team audience needs the team's name.", nameof(team)) : team;
}

public enum AudienceKind
{
    Department,
    Team,

    /// <summary>Per-agent detail: personal data, only for the team's own managers.</summary>
    TeamManagers,
}
