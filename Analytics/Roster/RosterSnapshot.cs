using Analytics.Tickets;

namespace Analytics.Roster;

/// <summary>
/// The organisation as of an instant: the loaded roster's teams, agents and leave, completed with the
/// teams and agents inferred from the tickets (<see cref="Team.Inferred"/>, <see cref="Agent.Inferred"/>).
/// </summary>
/// <param name="Loaded">Whether any team or agent came from a loaded roster (file or sync source).</param>
public sealed record RosterSnapshot(IReadOnlyList<Team> Teams, IReadOnlyList<Agent> Agents, IReadOnlyList<AgentLeave> Leave, bool Loaded)
{
    /// <summary>The agents of <paramref name="team"/>.</summary>
    public IEnumerable<Agent> AgentsOf(string team) => Agents.Where(a => string.Equals(a.Team, team, StringComparison.Ordinal));

    public Team? Team(string name) => Teams.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
