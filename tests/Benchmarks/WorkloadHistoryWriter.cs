using System.Globalization;
using Analytics.Storage;
using Analytics.Tickets;

namespace Benchmarks;

/// <summary>
/// Writes a large synthetic history straight into a store: teams, agents, tickets with some
/// assignment and team events, and daily time registrations. Deterministic for a seed.
/// </summary>
internal static class WorkloadHistoryWriter
{
    public static async Task WriteAsync(StoreOptions options, int tickets, int teams, int agentsPerTeam, DateOnly firstDay, DateOnly lastDay, int seed)
    {
        var random = new Random(seed);
        var connections = DbConnectionFactory.Create(options);
        var reference = new ReferenceStore(connections);
        var teamNames = Enumerable.Range(1, teams).Select(i => string.Create(CultureInfo.InvariantCulture, $"Team {i:00}")).ToList();
        await reference.UpsertTeamsAsync(teamNames.Select(t => new Team { Name = t }), CancellationToken.None);
        var agents = teamNames.SelectMany(t => Enumerable.Range(1, agentsPerTeam).Select(i => new Agent { Name = $"{t} agent {i:00}", Team = t })).ToList();
        await reference.UpsertAgentsAsync(agents, CancellationToken.None);

        var start = firstDay.ToDateTime(TimeOnly.MinValue);
        var span = (lastDay.DayNumber - firstDay.DayNumber + 1) * 24.0 * 60;
        var store = new TicketStore(connections);
        var events = new List<TicketEvent>();
        await using (var writer = await store.OpenWriterAsync(null, CancellationToken.None))
        {
            var batch = new List<TicketWrite>(options.BatchSize);
            for (var i = 0; i < tickets; i++)
            {
                var team = random.Next(teams);
                var opened = new DateTimeOffset(start.AddMinutes(Math.Floor(i * span / tickets)), TimeSpan.Zero);
                var open = random.NextDouble() < 0.02;
                var resolved = open ? (DateTimeOffset?)null : opened.AddMinutes(Math.Round(20 * 60 * Math.Exp(1.2 * Gaussian(random))));
                var assignee = agents[(team * agentsPerTeam) + random.Next(agentsPerTeam)].Name;
                var id = string.Create(CultureInfo.InvariantCulture, $"INC{i:0000000}");
                var passed = random.NextDouble() < 0.1;
                batch.Add(new TicketWrite(new Ticket
                {
                    Source = "bench",
                    TicketId = id,
                    Kind = random.NextDouble() < 0.7 ? TicketKind.Incident : TicketKind.Request,
                    Priority = random.NextDouble() < 0.02 ? "1 - Critical" : "3 - Moderate",
                    Team = teamNames[team],
                    Assignee = assignee,
                    ResolvedBy = resolved is null ? null : assignee,
                    OpenedAt = opened,
                    ResolvedAt = resolved,
                    SlaBreached = resolved is null ? null : random.NextDouble() < 0.1,
                    ReassignmentCount = passed ? 1 : 0,
                    ReopenCount = random.NextDouble() < 0.03 ? 1 : 0,
                    UpdatedAt = resolved ?? opened,
                }, null));
                if (passed)
                {
                    var from = agents[(team * agentsPerTeam) + random.Next(agentsPerTeam)].Name;
                    events.Add(new TicketEvent { Source = "bench", TicketId = id, OccurredAt = opened.AddMinutes(5), Kind = TicketEventKind.Assignment, FromValue = null, ToValue = from });
                    events.Add(new TicketEvent { Source = "bench", TicketId = id, OccurredAt = opened.AddMinutes(65), Kind = TicketEventKind.Assignment, FromValue = from, ToValue = assignee });
                }

                if (batch.Count == options.BatchSize)
                {
                    await writer.WriteAsync(batch, CancellationToken.None);
                    batch.Clear();
                }
            }

            await writer.WriteAsync(batch, CancellationToken.None);
        }

        await store.AddEventsAsync(events, CancellationToken.None);
        var entries = new List<TimeEntry>();
        foreach (var agent in agents)
        {
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    entries.Add(new TimeEntry { Source = "bench", EntryId = $"{agent.Name}-{day:yyyyMMdd}", Agent = agent.Name, WorkDate = day, Minutes = 420 + random.Next(120) });
                }
            }
        }

        await new ActivityStore(connections).UpsertTimeEntriesAsync(entries, CancellationToken.None);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
