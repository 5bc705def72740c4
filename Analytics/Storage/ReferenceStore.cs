using System.Globalization;
using Analytics.Tickets;
using Dapper;

namespace Analytics.Storage;

/// <summary>
/// Teams, agents and planned leave as a roster loaded them: the organisation the tickets are measured
/// against. What a roster left out is stored as NULL and read back as unknown (see <see cref="Team.Given"/>,
/// <see cref="Agent.ContractHours"/>). Readers that need the whole organisation, with the teams and agents
/// inferred from the tickets, ask <see cref="Roster.RosterReader"/> instead.
/// </summary>
public sealed class ReferenceStore(IDbConnectionFactory connections)
{
    private static readonly string[] TeamColumns = ["name", "manager_emails", "time_zone", "workday_start", "workday_end", "shrinkage"];
    private static readonly string[] AgentColumns = ["name", "team", "contract_hours", "manager_email", "recognition_opt_out", "start_date", "end_date"];
    private static readonly string[] LeaveColumns = ["agent", "from_date", "to_date", "hours_per_week"];
    private static readonly string[] NameKey = ["name"];
    private static readonly string[] LeaveKey = ["agent", "from_date"];

    private SqlDialect Dialect => connections.Dialect;

    public async Task UpsertTeamsAsync(IEnumerable<Team> teams, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teams);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sql = Dialect.Upsert("teams", NameKey, TeamColumns);
        foreach (var team in teams)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                name = team.Name,
                manager_emails = string.Join(';', team.ManagerEmails),
                time_zone = team.Given.HasFlag(TeamSettings.TimeZone) ? team.TimeZone : null,
                workday_start = team.Given.HasFlag(TeamSettings.WorkingHours) ? team.WorkdayStart.ToString("HH:mm", CultureInfo.InvariantCulture) : null,
                workday_end = team.Given.HasFlag(TeamSettings.WorkingHours) ? team.WorkdayEnd.ToString("HH:mm", CultureInfo.InvariantCulture) : null,
                shrinkage = team.Given.HasFlag(TeamSettings.Shrinkage) ? team.Shrinkage : (decimal?)null,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT name, manager_emails, time_zone, workday_start, workday_end, shrinkage FROM {Dialect.Table("teams")} ORDER BY name",
            cancellationToken: cancellationToken));
        var teams = new List<Team>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var team = new Team
            {
                Name = reader.GetString(0),
                ManagerEmails = reader.GetString(1).Split(';', StringSplitOptions.RemoveEmptyEntries),
                Given = TeamSettings.None,
            };
            if (!reader.IsDBNull(2))
            {
                team = team with { TimeZone = reader.GetString(2), Given = team.Given | TeamSettings.TimeZone };
            }

            if (!reader.IsDBNull(3) && !reader.IsDBNull(4))
            {
                team = team with
                {
                    WorkdayStart = TimeOnly.ParseExact(reader.GetString(3), "HH:mm", CultureInfo.InvariantCulture),
                    WorkdayEnd = TimeOnly.ParseExact(reader.GetString(4), "HH:mm", CultureInfo.InvariantCulture),
                    Given = team.Given | TeamSettings.WorkingHours,
                };
            }

            if (!reader.IsDBNull(5))
            {
                team = team with { Shrinkage = Convert.ToDecimal(reader.GetValue(5), CultureInfo.InvariantCulture), Given = team.Given | TeamSettings.Shrinkage };
            }

            teams.Add(team);
        }

        return teams;
    }

    public async Task UpsertAgentsAsync(IEnumerable<Agent> agents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agents);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sql = Dialect.Upsert("agents", NameKey, AgentColumns);
        foreach (var agent in agents)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                name = agent.Name,
                team = agent.Team,
                contract_hours = agent.ContractHours,
                manager_email = agent.ManagerEmail,
                recognition_opt_out = Dialect.ToDb(agent.RecognitionOptOut),
                start_date = agent.StartDate is { } d ? Dialect.ToDb(d) : null,
                end_date = agent.EndDate is { } e ? Dialect.ToDb(e) : null,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT name, team, contract_hours, manager_email, recognition_opt_out, start_date, end_date FROM {Dialect.Table("agents")} ORDER BY name",
            cancellationToken: cancellationToken));
        var agents = new List<Agent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            agents.Add(new Agent
            {
                Name = reader.GetString(0),
                Team = reader.GetString(1),
                ContractHours = reader.IsDBNull(2) ? null : Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture),
                ManagerEmail = reader.IsDBNull(3) ? null : reader.GetString(3),
                RecognitionOptOut = Dialect.ReadBool(reader, 4),
                StartDate = reader.IsDBNull(5) ? null : Dialect.ReadDate(reader, 5),
                EndDate = reader.IsDBNull(6) ? null : Dialect.ReadDate(reader, 6),
            });
        }

        return agents;
    }

    /// <summary>Stores planned leave; an agent's leave from the same day stored again replaces the earlier entry.</summary>
    public async Task UpsertLeaveAsync(IEnumerable<AgentLeave> leave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leave);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sql = Dialect.Upsert("leave", LeaveKey, LeaveColumns);
        foreach (var entry in leave)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                agent = entry.Agent,
                from_date = Dialect.ToDb(entry.From),
                to_date = Dialect.ToDb(entry.To),
                hours_per_week = entry.HoursPerWeek,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AgentLeave>> GetLeaveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT agent, from_date, to_date, hours_per_week FROM {Dialect.Table("leave")} ORDER BY agent, from_date",
            cancellationToken: cancellationToken));
        var leave = new List<AgentLeave>();
        while (await reader.ReadAsync(cancellationToken))
        {
            leave.Add(new AgentLeave(
                reader.GetString(0),
                Dialect.ReadDate(reader, 1),
                Dialect.ReadDate(reader, 2),
                reader.IsDBNull(3) ? null : Convert.ToDecimal(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }

        return leave;
    }

    /// <summary>
    /// Every person's name the store holds: agents, assignees, resolvers, knowledge-article authors,
    /// people who registered time or acted in a ticket's history. Quotes from customers are cleaned of
    /// all of them. Team names are left out: a ticket assigned to a queue names the team, not a person.
    /// The store has no caller column: a source that knows its callers passes them on its own
    /// (see <see cref="Privacy.QuoteAnonymiser"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> GetPersonNamesAsync(CancellationToken cancellationToken)
    {
        var d = Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);

        async Task<IEnumerable<string?>> Column(string sql) =>
            await connection.QueryAsync<string?>(new CommandDefinition(sql, cancellationToken: cancellationToken));

        // One DISTINCT per source, merged here: a single UNION over every row took ten times as long on SQLite.
        var names = new HashSet<string>(StringComparer.Ordinal);
        names.UnionWith((await Column($"SELECT name FROM {d.Table("agents")}")).OfType<string>());
        var ticketPeople = await connection.QueryAsync<(string? Assignee, string? ResolvedBy)>(new CommandDefinition(
            $"SELECT DISTINCT assignee, resolved_by FROM {d.Table("tickets")}", cancellationToken: cancellationToken));
        names.UnionWith(ticketPeople.SelectMany(p => new[] { p.Assignee, p.ResolvedBy }).OfType<string>());
        names.UnionWith((await Column($"SELECT DISTINCT author FROM {d.Table("knowledge_articles")}")).OfType<string>());
        names.UnionWith((await Column($"SELECT DISTINCT agent FROM {d.Table("time_entries")}")).OfType<string>());
        names.UnionWith((await Column($"SELECT DISTINCT actor FROM {d.Table("ticket_events")}")).OfType<string>());
        names.ExceptWith((await Column($"SELECT name FROM {d.Table("teams")}")).OfType<string>());
        return [.. names.Where(n => n.Trim().Length > 0).Order(StringComparer.Ordinal)];
    }
}
