using System.Globalization;
using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>
/// Turns the simulation's work into canonical records: ticket numbers, problem and change links,
/// events where work changed hands, time registrations, feedback and knowledge articles.
/// </summary>
internal sealed class DemoRecords(DemoScenario scenario, IReadOnlyList<Agent> agents, DemoRoster roster, TimeZoneInfo zone, DemoRandom random, string source)
{
    public DemoDataSet Build(IReadOnlyList<Team> teams, List<DemoWork> all, IReadOnlyList<string> nonTicketActivities)
    {
        TruncateToSeconds(all);
        CutAtAsOf(all);
        NumberTickets(all);
        var majorProblem = LinkProblems(all);
        LinkChangesToIncidents(all);
        AssignTriage(all);

        var tickets = new List<Ticket>(all.Count);
        var events = new List<TicketEvent>();
        var entries = new List<TimeEntry>();
        foreach (var work in all)
        {
            tickets.Add(ToTicket(work));
            var history = EventsOf(work).ToList();
            EventSequence.Number(history);
            events.AddRange(history);
            entries.AddRange(EntriesOf(work));
        }

        entries.AddRange(NonTicketEntries(nonTicketActivities));
        var feedback = FeedbackOn(all);
        var articles = new DemoKnowledgeBase(scenario, agents, zone, random, source).Articles();
        return new DemoDataSet(teams, agents, tickets, events, entries, feedback, articles, scenario with { MajorIncidentProblemId = majorProblem });
    }

    /// <summary>Ticketing systems keep whole seconds; so does the store.</summary>
    private static void TruncateToSeconds(List<DemoWork> all)
    {
        static DateTimeOffset Second(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), t.Offset);
        static DateTimeOffset? Maybe(DateTimeOffset? t) => t is { } v ? Second(v) : null;
        foreach (var work in all)
        {
            work.ResolvedAt = Maybe(work.ResolvedAt);
            work.FirstResolvedAt = Maybe(work.FirstResolvedAt);
            work.ReopenedAt = Maybe(work.ReopenedAt);
            work.AssignedAt = Maybe(work.AssignedAt);
            for (var i = 0; i < work.Handovers.Count; i++)
            {
                work.Handovers[i] = work.Handovers[i] with { At = Second(work.Handovers[i].At) };
            }
        }
    }

    /// <summary>Nothing after the moment the data was taken: later work is undone, a later reopen has not happened yet.</summary>
    private void CutAtAsOf(List<DemoWork> all)
    {
        foreach (var work in all)
        {
            work.Work.RemoveAll(w => w.At > scenario.AsOf);
            if (work.ReopenedAt > scenario.AsOf)
            {
                // Reopened after the cut-off: at the cut-off it is still resolved.
                work.ResolvedAt ??= work.FirstResolvedAt;
                work.ResolvedBy ??= work.Work.Count > 0 ? work.Work[^1].Agent : work.Assignee;
                work.ReopenedAt = null;
                work.FirstResolvedAt = null;
            }

            if (work.ResolvedAt > scenario.AsOf)
            {
                work.ResolvedAt = null;
                work.ResolvedBy = null;
            }
        }
    }

    private static void NumberTickets(List<DemoWork> all)
    {
        all.Sort((a, b) => a.OpenedAt.CompareTo(b.OpenedAt));
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var work in all)
        {
            var prefix = work.Type.Kind switch
            {
                TicketKind.Incident => "INC",
                TicketKind.Request => "REQ",
                TicketKind.Change => "CHG",
                TicketKind.Problem => "PRB",
                TicketKind.Maintenance => "MNT",
                _ => "TASK",
            };
            counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
            work.TicketId = string.Create(CultureInfo.InvariantCulture, $"{prefix}{counters[prefix] + 10000:0000000}");
        }
    }

    /// <summary>
    /// A problem explains incidents that kept coming until it was fixed: link a handful of its own
    /// team's and the Service Desk's incidents from the weeks before the fix. The major incident's
    /// problem takes most of the outage's incidents.
    /// </summary>
    private string LinkProblems(List<DemoWork> all)
    {
        var incidents = all.Where(w => w.Type.Kind == TicketKind.Incident).ToList();
        var majorProblem = "";
        foreach (var problem in all.Where(w => w.Type.Kind == TicketKind.Problem))
        {
            if (problem.Type.Subcategory == "Major incident")
            {
                majorProblem = problem.TicketId;
                var outageDays = Enumerable.Range(1, 3).Select(d => scenario.MajorIncidentWeek.Monday.AddDays(d)).ToHashSet();
                foreach (var incident in incidents.Where(i => i.Type.OutageSensitive && outageDays.Contains(LocalDate(i.OpenedAt)) && random.Chance(0.6)))
                {
                    incident.ProblemId = problem.TicketId;
                }

                continue;
            }

            var from = problem.OpenedAt.AddDays(-35);
            var until = problem.ResolvedAt ?? scenario.AsOf;
            var candidates = Window(incidents, from, until).Where(i => i.ProblemId is null
                && (i.Team == problem.Team || i.Team == DemoCatalog.ServiceDesk || i.EscalatedFrom is not null)).ToList();
            for (var k = random.Next(3, 13); k > 0 && candidates.Count > 0; k--)
            {
                var pick = random.Next(candidates.Count);
                candidates[pick].ProblemId = problem.TicketId;
                candidates.RemoveAt(pick);
            }
        }

        return majorProblem;
    }

    /// <summary>A few changes go wrong: an incident in the two days after is recorded as caused by the change.</summary>
    private void LinkChangesToIncidents(List<DemoWork> all)
    {
        var incidents = all.Where(w => w.Type.Kind == TicketKind.Incident && w.CausedByChange is null).ToList();
        foreach (var change in all.Where(w => w.Type.Kind == TicketKind.Change && w.ResolvedAt is not null))
        {
            if (!random.Chance(0.04))
            {
                continue;
            }

            var done = change.ResolvedAt!.Value;
            var after = Window(incidents, done.AddTicks(1), done.AddDays(2)).Where(i => i.CausedByChange is null
                && (i.Team == change.Team || i.Team == DemoCatalog.ServiceDesk)).Take(2).ToList();
            foreach (var incident in after)
            {
                incident.CausedByChange = change.TicketId;
            }
        }
    }

    /// <summary>The incidents opened in [from, until), from a list in opening order.</summary>
    private static IEnumerable<DemoWork> Window(List<DemoWork> byOpening, DateTimeOffset from, DateTimeOffset until)
    {
        int low = 0, high = byOpening.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (byOpening[middle].OpenedAt < from)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (var i = low; i < byOpening.Count && byOpening[i].OpenedAt < until; i++)
        {
            yield return byOpening[i];
        }
    }

    /// <summary>Tickets passed on by the Service Desk were first picked up there by someone at work that day.</summary>
    private void AssignTriage(List<DemoWork> all)
    {
        var desk = agents.Select((a, i) => (a, i)).Where(x => x.a.Team == DemoCatalog.ServiceDesk).Select(x => x.i).ToList();
        foreach (var work in all.Where(w => w.EscalatedFrom is not null))
        {
            var day = LocalDate(work.OpenedAt);
            var present = desk.Where(i => roster.IsPresent(i, day)).ToList();
            var agent = present.Count > 0 ? random.Pick(present) : random.Pick(desk.Where(i => roster.IsOnStaff(i, day)).ToList());
            work.ServiceDeskAgent = agents[agent].Name;
            if (work.EscalatedAt <= scenario.AsOf)
            {
                work.Work.Insert(0, (agent, work.EscalatedAt!.Value, 10));
            }
        }
    }

    private Ticket ToTicket(DemoWork work)
    {
        var due = DueAt(work);
        var closed = work.ResolvedAt?.AddDays(3) is { } c && c <= scenario.AsOf ? c : (DateTimeOffset?)null;
        var reassignments = work.Handovers.Count + (work.EscalatedFrom is null ? 0 : 1);
        var updated = new[] { closed, work.ResolvedAt, work.ReopenedAt, work.Handovers.Count > 0 ? work.Handovers[^1].At : null, work.EscalatedAt, work.AssignedAt, work.OpenedAt }
            .Where(t => t is not null && t <= scenario.AsOf).Max()!.Value;
        return new Ticket
        {
            Source = source,
            TicketId = work.TicketId,
            Kind = work.Type.Kind,
            Title = work.Title,
            Category = work.Type.Category,
            Subcategory = work.Type.Subcategory,
            Priority = PriorityLabel(work.Priority),
            Channel = work.Channel,
            Team = work.Team,
            Assignee = work.Assignee is { } a && work.AssignedAt <= scenario.AsOf ? agents[a].Name : null,
            ResolvedBy = work.ResolvedBy is { } r ? agents[r].Name : null,
            OpenedAt = work.OpenedAt,
            FirstResponseAt = FirstResponse(work),
            ResolvedAt = work.ResolvedAt,
            ClosedAt = closed,
            DueAt = due,
            SlaBreached = due is null ? null : work.ResolvedAt is { } resolved ? resolved > due : scenario.AsOf > due ? true : null,
            ReopenCount = work.ReopenedAt is null ? 0 : 1,
            ReassignmentCount = reassignments,
            Proactive = work.Type.Proactive,
            TimeSpentMinutes = work.Work.Count == 0 ? null : work.Work.Sum(w => w.Minutes),
            ProblemId = work.ProblemId,
            CausedByChange = work.CausedByChange,
            UpdatedAt = updated,
        };
    }

    private DateTimeOffset? FirstResponse(DemoWork work)
    {
        if (work.Channel is Channel.Phone or Channel.Chat or Channel.WalkIn)
        {
            return work.OpenedAt.AddMinutes(random.Next(0, 4));
        }

        if (work.AssignedAt is not { } assigned || assigned > scenario.AsOf)
        {
            return null;
        }

        var response = assigned.AddSeconds(Math.Round(Math.Min(random.LogNormal(25, 0.8), 600) * 60));
        return work.ResolvedAt is { } resolved && response > resolved ? resolved : response;
    }

    private static DateTimeOffset? DueAt(DemoWork work)
    {
        var hours = (work.Type.Kind, work.Priority) switch
        {
            (TicketKind.Incident, 1) => 4,
            (TicketKind.Incident, 2) => 24,
            (TicketKind.Incident, 3) => 72,
            (TicketKind.Incident, _) => 120,
            (TicketKind.Request, 4) => 240,
            (TicketKind.Request, _) => 120,
            (TicketKind.Task, _) => 72,
            _ => 0,
        };
        return hours == 0 ? null : work.OpenedAt.AddHours(hours);
    }

    private static string PriorityLabel(int priority) => priority switch
    {
        1 => "1 - Critical",
        2 => "2 - High",
        3 => "3 - Moderate",
        _ => "4 - Low",
    };

    /// <summary>Events exist only where something happened between opening and resolution, as in sources that log changes.</summary>
    private IEnumerable<TicketEvent> EventsOf(DemoWork work)
    {
        if (work.EscalatedFrom is null && work.Handovers.Count == 0 && work.ReopenedAt is null)
        {
            yield break;
        }

        if (work.EscalatedAt is { } escalated && escalated <= scenario.AsOf)
        {
            yield return Event(work, escalated, TicketEventKind.TeamAssignment, work.EscalatedFrom, work.Team, work.ServiceDeskAgent);
        }

        if (work.AssignedAt is { } assigned && assigned <= scenario.AsOf && work.FirstAssignee is { } first)
        {
            yield return Event(work, assigned, TicketEventKind.Assignment, null, agents[first].Name, work.ServiceDeskAgent ?? agents[first].Name);
        }

        foreach (var (at, from, to) in work.Handovers.Where(h => h.At <= scenario.AsOf))
        {
            yield return Event(work, at, TicketEventKind.Assignment, agents[from].Name, agents[to].Name, agents[to].Name);
        }

        if (work.ReopenedAt is { } reopened && work.FirstResolvedAt is { } firstResolved)
        {
            yield return Event(work, firstResolved, TicketEventKind.Status, "In Progress", "Resolved", null);
            yield return Event(work, reopened, TicketEventKind.Status, "Resolved", "In Progress", null);
            if (work.ResolvedAt is { } resolved)
            {
                yield return Event(work, resolved, TicketEventKind.Status, "In Progress", "Resolved", work.ResolvedBy is { } r ? agents[r].Name : null);
            }
        }
    }

    private TicketEvent Event(DemoWork work, DateTimeOffset at, TicketEventKind kind, string? from, string? to, string? actor) => new()
    {
        Source = source,
        TicketId = work.TicketId,
        OccurredAt = at,
        Kind = kind,
        FromValue = from,
        ToValue = to,
        Actor = actor,
    };

    private IEnumerable<TimeEntry> EntriesOf(DemoWork work) =>
        work.Work.Select((w, n) => new TimeEntry
        {
            Source = source,
            EntryId = string.Create(CultureInfo.InvariantCulture, $"{work.TicketId}-{n + 1}"),
            Agent = agents[w.Agent].Name,
            WorkDate = LocalDate(w.At),
            Minutes = w.Minutes,
            Activity = CanonicalNames.Of(work.Type.Kind),
            TicketId = work.TicketId,
        });

    /// <summary>Meetings, documentation, checks and training: logged time that belongs to no ticket.</summary>
    private IEnumerable<TimeEntry> NonTicketEntries(IReadOnlyList<string> activities)
    {
        for (var a = 0; a < agents.Count; a++)
        {
            for (var day = scenario.FirstDay; day <= scenario.LastDay; day = day.AddDays(1))
            {
                if (!roster.IsPresent(a, day))
                {
                    continue;
                }

                yield return new TimeEntry
                {
                    Source = source,
                    EntryId = string.Create(CultureInfo.InvariantCulture, $"NT-{a:000}-{day:yyyyMMdd}"),
                    Agent = agents[a].Name,
                    WorkDate = day,
                    Minutes = (int)Math.Clamp(random.LogNormal(55, 0.35), 15, 180),
                    Activity = random.Pick(activities),
                    TicketId = null,
                };
            }
        }
    }

    private List<Feedback> FeedbackOn(List<DemoWork> all)
    {
        var feedback = new List<Feedback>();
        foreach (var work in all)
        {
            if (work.ResolvedAt is not { } resolved || work.Type.Proactive || work.Type.Kind is not (TicketKind.Incident or TicketKind.Request) || !random.Chance(0.12))
            {
                continue;
            }

            var given = resolved.AddSeconds(Math.Round(random.Uniform(0.2, 48) * 3600));
            if (given > scenario.AsOf)
            {
                continue;
            }

            var late = DueAt(work) is { } due && resolved > due;
            var roll = random.NextDouble();
            var score = late
                ? roll < 0.25 ? 5 : roll < 0.50 ? 4 : roll < 0.70 ? 3 : roll < 0.85 ? 2 : 1
                : roll < 0.58 ? 5 : roll < 0.88 ? 4 : roll < 0.95 ? 3 : roll < 0.98 ? 2 : 1;
            var firstName = work.ResolvedBy is { } r ? agents[r].Name.Split(' ')[0] : "team";
            feedback.Add(new Feedback
            {
                Source = source,
                TicketId = work.TicketId,
                GivenAt = given,
                Score = score,
                Comment = DemoFeedbackText.For(score, firstName, random),
            });
        }

        return feedback;
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
