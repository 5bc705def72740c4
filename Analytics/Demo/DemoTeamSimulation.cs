using Analytics.Calendar;
using Analytics.Import;
using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>
/// One team's days, one after the other: tickets are assigned to whoever is in, worked in priority
/// order within each agent's hands-on minutes, and carried over when the day is full. Backlog,
/// ageing, reassignments and evening work follow from capacity rather than being drawn at random.
/// </summary>
internal sealed class DemoTeamSimulation
{
    /// <summary>Days of work waiting, above which the team starts working late.</summary>
    private const double OvertimePressure = 4.0;

    private readonly Team _team;
    private readonly IReadOnlyList<(int Index, Agent Agent)> _members;
    private readonly DemoRoster _roster;
    private readonly IHolidayCalendar _holidays;
    private readonly TimeZoneInfo _zone;
    private readonly DemoRandom _random;
    private readonly Dictionary<int, int> _openByAgent = [];
    private readonly List<DemoWork> _open = [];

    public DemoTeamSimulation(Team team, IReadOnlyList<(int Index, Agent Agent)> members, DemoRoster roster, IHolidayCalendar holidays, TimeZoneInfo zone, DemoRandom random)
    {
        _team = team;
        _members = members;
        _roster = roster;
        _holidays = holidays;
        _zone = zone;
        _random = random;
        foreach (var (index, _) in members)
        {
            _openByAgent[index] = 0;
        }
    }

    /// <summary>Nominal hands-on minutes of the whole team on an ordinary day.</summary>
    private double NominalDailyMinutes => _members.Sum(m => DemoRoster.WeeklyMinutes(m.Agent)) / 5.0;

    /// <summary>Runs one day; <paramref name="arrivals"/> are the tickets reaching the team that day.</summary>
    public void RunDay(DateOnly day, IEnumerable<DemoWork> arrivals)
    {
        _open.AddRange(arrivals);
        var dayEnd = LocalTime.ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), _zone);
        var present = _members.Where(m => _roster.IsPresent(m.Index, day)).Select(m => m.Index).ToList();
        var working = present.Count > 0;

        if (working)
        {
            AssignNewWork(day, present, dayEnd);
        }

        HandleUrgentAndWindows(day, dayEnd, present);
        if (working)
        {
            WorkTheQueue(day, dayEnd, present);
        }
    }

    private void AssignNewWork(DateOnly day, List<int> present, DateTimeOffset dayEnd)
    {
        var workStart = Local(day, _team.WorkdayStart);
        foreach (var work in _open.Where(w => w.Assignee is null && EnteredAt(w) < dayEnd).OrderBy(EnteredAt))
        {
            var agent = present.OrderBy(a => _openByAgent[a]).ThenBy(_ => _random.Next(1000)).First();
            work.Assignee = agent;
            work.FirstAssignee = agent;
            work.AssignedAt = EnteredAt(work) > workStart ? EnteredAt(work) : workStart;
            _openByAgent[agent]++;
        }
    }

    /// <summary>Priority-1 incidents are handled by whoever is on call, day or night; planned evening work happens in its window.</summary>
    private void HandleUrgentAndWindows(DateOnly day, DateTimeOffset dayEnd, List<int> present)
    {
        var rota = _members.Where(m => _roster.IsOnStaff(m.Index, day)).ToList();
        var onCall = rota[IsoWeek.Of(day).Week % rota.Count].Index;
        foreach (var work in _open.Where(w => (w.Priority == 1 && w.Type.Kind == TicketKind.Incident) || w.InNightWindow).Where(w => w.EligibleAt < dayEnd).ToList())
        {
            var agent = work.Assignee is { } a && (present.Contains(a) || (present.Count == 0 && _roster.IsOnStaff(a, day))) ? a : onCall;
            if (work.Assignee is null)
            {
                work.Assignee = agent;
                work.FirstAssignee = agent;
                work.AssignedAt = work.EligibleAt;
                _openByAgent[agent]++;
            }
            else if (work.Assignee != agent)
            {
                Handover(work, agent, work.EligibleAt);
            }

            var finish = work.EligibleAt.AddMinutes(work.HandlingMinutes * (work.InNightWindow ? 1.0 : 1.3));
            Resolve(work, agent, finish);
        }
    }

    private void WorkTheQueue(DateOnly day, DateTimeOffset dayEnd, List<int> present)
    {
        var waiting = _open.Where(w => w.EligibleAt < dayEnd && !w.InNightWindow).ToList();
        var pressure = waiting.Sum(w => w.HandlingMinutes) / NominalDailyMinutes;
        var overtime = pressure > OvertimePressure;
        var budget = new Dictionary<int, double>();
        var clock = new Dictionary<int, DateTimeOffset>();
        var latest = overtime ? Local(day, new TimeOnly(21, 0)) : Local(day, _team.WorkdayEnd).AddMinutes(15);
        foreach (var agent in present)
        {
            var member = _members.First(m => m.Index == agent);
            budget[agent] = DemoRoster.DailyMinutes(member.Agent, agent) * _random.Uniform(0.85, 1.1) * (overtime ? 1.2 : 1.0);
            clock[agent] = Local(day, _team.WorkdayStart).AddMinutes(_random.Next(0, 40));
        }

        // Work that was ready this morning goes first, by priority; work that becomes ready during the day follows as it comes in.
        var morning = Local(day, _team.WorkdayStart);
        foreach (var work in waiting.OrderBy(w => w.EligibleAt <= morning ? 0 : 1).ThenBy(w => w.EligibleAt <= morning ? w.Priority : 0).ThenBy(w => w.EligibleAt))
        {
            if (budget.Values.All(b => b <= 0))
            {
                break;
            }

            var agent = work.Assignee ?? present[0];
            if (!present.Contains(agent) || (budget[agent] <= 0 && (day.DayNumber - DateOnly.FromDateTime(work.EligibleAt.UtcDateTime).DayNumber) > 3 && _random.Chance(0.3)))
            {
                // The assignee is away, or buried while the ticket ages: a colleague with time left takes it over.
                var colleague = present.Where(a => budget[a] > 0).OrderByDescending(a => budget[a]).First();
                Handover(work, colleague, Max(clock[colleague], work.EligibleAt));
                agent = colleague;
            }

            var start = Max(clock[agent], work.EligibleAt);
            if (budget[agent] <= 0 || start >= latest)
            {
                continue;
            }

            var finish = start.AddMinutes(work.HandlingMinutes);
            if (finish > latest)
            {
                // Too big to finish today: work longer than a day is done in parts; shorter work waits
                // for tomorrow while the agent fills the day with smaller tickets.
                var part = (latest - start).TotalMinutes;
                if (work.HandlingMinutes > 240 && part >= 60)
                {
                    work.Work.Add((agent, latest, (int)Math.Round(part)));
                    work.HandlingMinutes -= part;
                    budget[agent] -= part;
                    clock[agent] = latest;
                }

                continue;
            }

            budget[agent] -= work.HandlingMinutes;
            clock[agent] = finish.AddMinutes(work.HandlingMinutes * 0.2);
            Resolve(work, agent, finish);
        }
    }

    private void Resolve(DemoWork work, int agent, DateTimeOffset finish)
    {
        work.Work.Add((agent, finish, (int)Math.Round(work.HandlingMinutes)));
        if (work.WillReopen && work.FirstResolvedAt is null)
        {
            // The user comes back a few days later: the ticket is reopened and needs a shorter second go.
            work.FirstResolvedAt = finish;
            work.ReopenedAt = finish.AddHours(_random.Uniform(20, 96));
            work.EligibleAt = work.ReopenedAt.Value;
            work.HandlingMinutes = Math.Max(5, work.HandlingMinutes * 0.4);
            return;
        }

        work.ResolvedAt = finish;
        work.ResolvedBy = agent;
        _open.Remove(work);
        if (work.Assignee is { } holder)
        {
            _openByAgent[holder]--;
        }
    }

    private void Handover(DemoWork work, int to, DateTimeOffset at)
    {
        if (work.Assignee is { } from)
        {
            _openByAgent[from]--;
            work.Handovers.Add((at, from, to));
        }
        else
        {
            work.AssignedAt = at;
            work.FirstAssignee = to;
        }

        work.Assignee = to;
        _openByAgent[to]++;
    }

    private static DateTimeOffset EnteredAt(DemoWork work) => work.EscalatedAt ?? work.OpenedAt;

    private DateTimeOffset Local(DateOnly day, TimeOnly time) => LocalTime.ToUtc(day.ToDateTime(time), _zone);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
