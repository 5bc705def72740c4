using System.Globalization;
using Analytics.Tickets;
using Dapper;

namespace Analytics.Storage;

/// <summary>Teams and agents: the organisation the tickets are measured against.</summary>
public sealed class ReferenceStore(IDbConnectionFactory connections)
{
    private static readonly string[] TeamColumns = ["name", "manager_emails", "time_zone", "workday_start", "workday_end", "shrinkage"];
    private static readonly string[] AgentColumns = ["name", "team", "contract_hours", "manager_email", "recognition_opt_out", "start_date"];
    private static readonly string[] NameKey = ["name"];

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
                time_zone = team.TimeZone,
                workday_start = team.WorkdayStart.ToString("HH:mm", CultureInfo.InvariantCulture),
                workday_end = team.WorkdayEnd.ToString("HH:mm", CultureInfo.InvariantCulture),
                shrinkage = team.Shrinkage,
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
            teams.Add(new Team
            {
                Name = reader.GetString(0),
                ManagerEmails = reader.GetString(1).Split(';', StringSplitOptions.RemoveEmptyEntries),
                TimeZone = reader.GetString(2),
                WorkdayStart = TimeOnly.ParseExact(reader.GetString(3), "HH:mm", CultureInfo.InvariantCulture),
                WorkdayEnd = TimeOnly.ParseExact(reader.GetString(4), "HH:mm", CultureInfo.InvariantCulture),
                Shrinkage = Convert.ToDecimal(reader.GetValue(5), CultureInfo.InvariantCulture),
            });
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
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Agent>> GetAgentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT name, team, contract_hours, manager_email, recognition_opt_out, start_date FROM {Dialect.Table("agents")} ORDER BY name",
            cancellationToken: cancellationToken));
        var agents = new List<Agent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            agents.Add(new Agent
            {
                Name = reader.GetString(0),
                Team = reader.GetString(1),
                ContractHours = Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture),
                ManagerEmail = reader.IsDBNull(3) ? null : reader.GetString(3),
                RecognitionOptOut = Dialect.ReadBool(reader, 4),
                StartDate = reader.IsDBNull(5) ? null : Dialect.ReadDate(reader, 5),
            });
        }

        return agents;
    }
}
