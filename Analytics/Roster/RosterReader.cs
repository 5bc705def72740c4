using Analytics.Storage;
using Analytics.Tickets;
using Analytics.Forecasting.Staffing;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Roster;

/// <summary>
/// The one place that says who the organisation is. A loaded roster comes first; teams it does not list
/// are inferred from the tickets' teams (and team hand-overs) up to the as-of instant, agents it does not
/// list from the assignees and resolvers active in the period before it, each in the team they worked
/// most tickets for. Inferred agents' contract hours are unknown, never 0, and inferred teams carry the
/// default settings marked as assumed. The reader takes the instant as an input and never reads the clock.
/// </summary>
/// <remarks>Leave is the leave file's and <c>Staffing:Leave</c>'s together.</remarks>
public sealed class RosterReader(IDbConnectionFactory connections, ReferenceStore reference, IOptions<StaffingOptions>? staffing = null)
{
    /// <summary>How far back an assignee counts as active when no period is given: twelve weeks.</summary>
    public static readonly TimeSpan DefaultActivePeriod = TimeSpan.FromDays(7 * 12);

    private SqlDialect Dialect => connections.Dialect;

    /// <summary>The roster as of <paramref name="asOf"/>, agents active in the twelve weeks before it.</summary>
    public Task<RosterSnapshot> ReadAsync(DateTimeOffset asOf, CancellationToken cancellationToken) =>
        ReadAsync(asOf - DefaultActivePeriod, asOf, cancellationToken);

    /// <summary>The roster as of <paramref name="asOf"/>, agents inferred from activity in [<paramref name="activeFrom"/>, <paramref name="asOf"/>).</summary>
    public async Task<RosterSnapshot> ReadAsync(DateTimeOffset activeFrom, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (asOf < activeFrom)
        {
            throw new ArgumentException($"The period ends ({asOf:u}) before it starts ({activeFrom:u}).", nameof(asOf));
        }

        var loadedTeams = await reference.GetTeamsAsync(cancellationToken);
        var loadedAgents = await reference.GetAgentsAsync(cancellationToken);
        var configured = staffing?.Value.Leave.Select(l => new AgentLeave(l.Agent, l.From, l.To, (decimal?)l.HoursPerWeek)) ?? [];
        var leave = (await reference.GetLeaveAsync(cancellationToken)).Concat(configured).ToList();

        var teams = loadedTeams.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var agents = loadedAgents.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var (name, team) in await ActiveAssigneesAsync(activeFrom, asOf, cancellationToken))
        {
            agents.TryAdd(name, new Agent { Name = name, Team = team, Inferred = true });
        }

        foreach (var name in (await TicketTeamsAsync(asOf, cancellationToken)).Concat(agents.Values.Select(a => a.Team)))
        {
            teams.TryAdd(name, new Team { Name = name, Given = TeamSettings.None, Inferred = true });
        }

        return new RosterSnapshot(
            [.. teams.Values.OrderBy(t => t.Name, StringComparer.Ordinal)],
            [.. agents.Values.OrderBy(a => a.Name, StringComparer.Ordinal)],
            leave,
            loadedTeams.Count > 0 || loadedAgents.Count > 0);
    }

    /// <summary>Every team a ticket was opened in or handed to before the instant.</summary>
    private async Task<IReadOnlyList<string>> TicketTeamsAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var d = Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            SELECT team FROM {d.Table("tickets")} WHERE team IS NOT NULL AND opened_at < @asOf
            UNION
            SELECT from_value FROM {d.Table("ticket_events")} WHERE kind = 'team_assignment' AND from_value IS NOT NULL AND occurred_at < @asOf
            UNION
            SELECT to_value FROM {d.Table("ticket_events")} WHERE kind = 'team_assignment' AND to_value IS NOT NULL AND occurred_at < @asOf
            """,
            new { asOf = d.ToDb(asOf) },
            cancellationToken: cancellationToken));
        return [.. names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Assignees of tickets opened or resolved in the period, and resolvers of tickets resolved in it, each
    /// with the team they had most of those tickets in (ties: the team name first in order).
    /// </summary>
    private async Task<IReadOnlyList<(string Agent, string Team)>> ActiveAssigneesAsync(DateTimeOffset from, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var d = Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Agent, string Team, long Tickets)>(new CommandDefinition(
            $"""
            SELECT assignee, team, CAST(COUNT(*) AS BIGINT)
            FROM {d.Table("tickets")}
            WHERE assignee IS NOT NULL AND team IS NOT NULL
              AND ((opened_at >= @from AND opened_at < @asOf) OR (resolved_at >= @from AND resolved_at < @asOf))
            GROUP BY assignee, team
            UNION ALL
            SELECT resolved_by, team, CAST(COUNT(*) AS BIGINT)
            FROM {d.Table("tickets")}
            WHERE resolved_by IS NOT NULL AND team IS NOT NULL AND resolved_at >= @from AND resolved_at < @asOf
            GROUP BY resolved_by, team
            """,
            new { from = d.ToDb(from), asOf = d.ToDb(asOf) },
            cancellationToken: cancellationToken));
        return [.. rows
            .Where(r => !string.IsNullOrWhiteSpace(r.Agent) && !string.IsNullOrWhiteSpace(r.Team))
            .GroupBy(r => (r.Agent, r.Team))
            .Select(g => (g.Key.Agent, g.Key.Team, Tickets: g.Sum(r => r.Tickets)))
            .GroupBy(r => r.Agent, StringComparer.Ordinal)
            .Select(g => (g.Key, g.OrderByDescending(r => r.Tickets).ThenBy(r => r.Team, StringComparer.Ordinal).First().Team))];
    }
}
