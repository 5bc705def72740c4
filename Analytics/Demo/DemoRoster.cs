using Analytics.Calendar;
using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>
/// Who works on which day: contract days, a summer holiday block, Christmas, scattered days off,
/// sick spells, start dates, and the long-term absence that starts the demo's overload.
/// </summary>
internal sealed class DemoRoster
{
    private readonly DateOnly _firstDay;
    private readonly bool[][] _present;
    private readonly IReadOnlyList<Agent> _agents;
    private readonly string _absentAgent;
    private readonly DateOnly _absenceStart;

    public DemoRoster(IReadOnlyList<Agent> agents, DateOnly firstDay, DateOnly lastDay, IHolidayCalendar holidays, string absentAgent, DateOnly absenceStart, DemoRandom random)
    {
        _firstDay = firstDay;
        _agents = agents;
        _absentAgent = absentAgent;
        _absenceStart = absenceStart;
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        _present = new bool[agents.Count][];
        for (var a = 0; a < agents.Count; a++)
        {
            var agent = agents[a];
            var present = new bool[days];
            var workdays = WorkdaysOf(ContractOf(agent), a);
            for (var d = 0; d < days; d++)
            {
                var date = firstDay.AddDays(d);
                present[d] = workdays.Contains(date.DayOfWeek) && !holidays.IsHoliday(date) && (agent.StartDate is not { } start || date >= start);
            }

            // Colleagues spread their summer holidays over the season, as teams agree among themselves.
            var teamIndex = agents.Take(a).Count(x => x.Team == agent.Team);
            var teamSize = agents.Count(x => x.Team == agent.Team);
            AddLeave(present, firstDay, 28 + (teamIndex * 6 / teamSize), random);
            if (agent.Name == absentAgent)
            {
                for (var d = absenceStart.DayNumber - firstDay.DayNumber; d < days; d++)
                {
                    present[d] = false;
                }
            }

            _present[a] = present;
        }
    }

    public bool IsPresent(int agentIndex, DateOnly date)
    {
        var d = date.DayNumber - _firstDay.DayNumber;
        return d >= 0 && d < _present[agentIndex].Length && _present[agentIndex][d];
    }

    /// <summary>Employed and not on long-term leave, so able to take an on-call shift.</summary>
    public bool IsOnStaff(int agentIndex, DateOnly date)
    {
        var agent = _agents[agentIndex];
        return (agent.StartDate is not { } start || date >= start) && !(agent.Name == _absentAgent && date >= _absenceStart);
    }

    /// <summary>Minutes of hands-on time a present agent has on one day: contract hours spread over their days, less meetings and breaks.</summary>
    public static double DailyMinutes(Agent agent, int agentIndex) =>
        (double)ContractOf(agent) * 60.0 / WorkdaysOf(ContractOf(agent), agentIndex).Count * 0.82;

    /// <summary>Hands-on minutes in a week at full presence.</summary>
    public static double WeeklyMinutes(Agent agent) => (double)ContractOf(agent) * 60.0 * 0.82;

    /// <summary>The demo organisation gives every agent contract hours; the simulation cannot work from unknown ones.</summary>
    private static decimal ContractOf(Agent agent) =>
        agent.ContractHours ?? throw new InvalidOperationException($"Demo agent {agent.Name} has no contract hours.");

    private static HashSet<DayOfWeek> WorkdaysOf(decimal contractHours, int agentIndex)
    {
        HashSet<DayOfWeek> all = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        if (contractHours <= 24m)
        {
            all.Remove(DayOfWeek.Wednesday);
            all.Remove(DayOfWeek.Friday);
        }
        else if (contractHours <= 32m)
        {
            // Part-timers' free day differs, so a team is never empty on one weekday.
            all.Remove(agentIndex % 2 == 0 ? DayOfWeek.Wednesday : DayOfWeek.Friday);
        }

        return all;
    }

    private static void AddLeave(bool[] present, DateOnly firstDay, int summerWeek, DemoRandom random)
    {
        var days = present.Length;
        for (var year = firstDay.Year; year <= firstDay.AddDays(days).Year; year++)
        {
            // Two or three weeks in the summer holidays, inside ISO weeks 28 to 35 when demand is low too.
            var summerStart = new IsoWeek(year, Math.Min(33, summerWeek + random.Next(0, 2))).Monday;
            Clear(present, firstDay, summerStart, random.Chance(0.4) ? 21 : 14);

            // Half the team takes the week between Christmas and New Year off.
            if (random.Chance(0.5))
            {
                Clear(present, firstDay, new DateOnly(year, 12, 27), 6);
            }

            // Scattered days off through the year.
            for (var i = 0; i < 7; i++)
            {
                Clear(present, firstDay, new DateOnly(year, 1, 1).AddDays(random.Next(365)), 1);
            }
        }

        // Sick spells: about 4% of working days.
        for (var d = 0; d < days; d++)
        {
            if (present[d] && random.Chance(0.012))
            {
                Clear(present, firstDay, firstDay.AddDays(d), random.Next(1, 6));
            }
        }
    }

    private static void Clear(bool[] present, DateOnly firstDay, DateOnly from, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var d = from.DayNumber - firstDay.DayNumber + i;
            if (d >= 0 && d < present.Length)
            {
                present[d] = false;
            }
        }
    }
}
