namespace Analytics.Privacy;

/// <summary>Who a result is for, which decides what it may contain about people.</summary>
public abstract record ReportScope
{
    /// <summary>The whole department's management: team-level figures only, no names.</summary>
    public static ReportScope Department { get; } = new DepartmentScope();

    /// <summary>A team's own manager: per-agent detail for that team's agents.</summary>
    public static ReportScope ForTeam(string team) => new TeamScope(team);

    /// <summary>One agent's own summary: their own figures and nobody else's.</summary>
    public static ReportScope ForAgent(string agent, string team) => new AgentScope(agent, team);

    /// <summary>Label for file names, keys and headers: "department", "team:Workplace", "agent:...".</summary>
    public abstract string Key { get; }
}

public sealed record DepartmentScope : ReportScope
{
    public override string Key => "department";
}

public sealed record TeamScope(string Team) : ReportScope
{
    public override string Key => "team:" + Team;
}

public sealed record AgentScope(string Agent, string Team) : ReportScope
{
    public override string Key => "agent:" + Agent;
}
