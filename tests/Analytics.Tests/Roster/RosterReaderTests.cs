using Analytics.Roster;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Roster;

/// <summary>The organisation the computations use: loaded first, the rest inferred from the tickets as of an instant.</summary>
public sealed class RosterReaderTests : IDisposable
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task NoRoster_InfersTheTicketsTeamsAndTheAgentsActiveInThePeriod_WithUnknownContractHours()
    {
        await TicketsAsync(
            Ticket("T1", "Group 70", "Ann", AsOf.AddDays(-10)),
            Ticket("T2", "Group 70", "Bas", AsOf.AddDays(-20), resolved: AsOf.AddDays(-19)),
            Ticket("T3", "Group 12", "Ann", AsOf.AddDays(-30)),
            Ticket("T4", "Group 70", "Ann", AsOf.AddDays(-40)),
            Ticket("T5", "Old Team", "Gone", AsOf.AddDays(-400), resolved: AsOf.AddDays(-399)),
            Ticket("T6", "Future", "Later", AsOf.AddDays(3)));

        var roster = await Reader.ReadAsync(AsOf, CancellationToken.None);

        Assert.False(roster.Loaded);
        Assert.Equal(["Group 12", "Group 70", "Old Team"], roster.Teams.Select(t => t.Name));
        Assert.All(roster.Teams, t => Assert.True(t.Inferred && t.Given == TeamSettings.None));
        Assert.Equal(["Ann", "Bas"], roster.Agents.Select(a => a.Name));
        Assert.All(roster.Agents, a => Assert.True(a.Inferred && a.ContractHours is null));
        Assert.Equal("Group 70", roster.Agents[0].Team); // two of Ann's three tickets
    }

    [Fact]
    public async Task LoadedRoster_ComesFirst_AndOnlyWhatItDoesNotListIsInferred()
    {
        await _store.Reference.UpsertTeamsAsync([new Team { Name = "Group 70", ManagerEmails = ["lead@example.org"], Shrinkage = 0.2m }], CancellationToken.None);
        await _store.Reference.UpsertAgentsAsync([new Agent { Name = "Ann", Team = "Group 70", ContractHours = 36m }, new Agent { Name = "Cor", Team = "Group 99" }], CancellationToken.None);
        await TicketsAsync(Ticket("T1", "Group 12", "Ann", AsOf.AddDays(-10)), Ticket("T2", "Group 12", "Bas", AsOf.AddDays(-10)));

        var roster = await Reader.ReadAsync(AsOf, CancellationToken.None);

        Assert.True(roster.Loaded);
        Assert.Equal([("Group 12", true), ("Group 70", false), ("Group 99", true)], roster.Teams.Select(t => (t.Name, t.Inferred)));
        Assert.Equal(0.2m, roster.Team("Group 70")!.Shrinkage);
        Assert.Equal([("Ann", "Group 70", 36m, false), ("Bas", "Group 12", (decimal?)null, true), ("Cor", "Group 99", null, false)],
            roster.Agents.Select(a => (a.Name, a.Team, a.ContractHours, a.Inferred)));
    }

    [Fact]
    public async Task EmptyStore_IsAnEmptyRosterNotAnError()
    {
        var roster = await Reader.ReadAsync(AsOf, CancellationToken.None);

        Assert.Empty(roster.Teams);
        Assert.Empty(roster.Agents);
    }

    [Fact]
    public async Task Leave_IsTheLeaveFilesAndTheStaffingSettingsTogether()
    {
        var file = new AgentLeave("Ann", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 6), null);
        await _store.Reference.UpsertLeaveAsync([file], CancellationToken.None);
        var settings = new Analytics.Forecasting.Staffing.StaffingOptions
        {
            Leave = { new Analytics.Forecasting.Staffing.PlannedLeave { Agent = "Bas", From = new DateOnly(2026, 12, 1), To = new DateOnly(2027, 2, 28), HoursPerWeek = 16 } },
        };

        var roster = await new RosterReader(_store.Connections, _store.Reference, Microsoft.Extensions.Options.Options.Create(settings)).ReadAsync(AsOf, CancellationToken.None);

        Assert.Equal([file, new AgentLeave("Bas", new DateOnly(2026, 12, 1), new DateOnly(2027, 2, 28), 16m)], roster.Leave);
    }

    private RosterReader Reader => new(_store.Connections, _store.Reference);

    private static Ticket Ticket(string id, string team, string assignee, DateTimeOffset opened, DateTimeOffset? resolved = null) => new()
    {
        Source = "test",
        TicketId = id,
        Kind = TicketKind.Incident,
        Team = team,
        Assignee = assignee,
        ResolvedBy = resolved is null ? null : assignee,
        OpenedAt = opened,
        ResolvedAt = resolved,
        UpdatedAt = resolved ?? opened,
    };

    private async Task TicketsAsync(params Ticket[] tickets) => await _store.Tickets.UpsertAsync(tickets, CancellationToken.None);

    public void Dispose() => _store.Dispose();
}
