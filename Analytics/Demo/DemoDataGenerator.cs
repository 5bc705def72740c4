using Analytics.Calendar;
using Analytics.Import;
using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>
/// Generates a service desk's two-year history: six teams, 56 agents, incidents, requests, changes,
/// problems and maintenance with weekly and yearly rhythm, the configured holidays (Dutch without a calendar), a September onboarding
/// wave, one major-incident week, and one team overloaded in the last weeks (six by default). Deterministic for a
/// seed and a last day.
/// </summary>
public sealed class DemoDataGenerator(TimeProvider time, IHolidayCalendar? calendar = null)
{
    private static readonly string[] NonTicketActivities =
        ["Teamoverleg", "Documentatie bijwerken", "Monitoring-controle", "Training", "Overdracht", "Leveranciersoverleg", "Patchcontrole", "Capacity planning"];

    public DemoDataSet Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zone = LocalTime.FindZone(DemoOrganisation.TimeZone);
        var random = new DemoRandom(options.Seed);
        var holidays = calendar ?? new DutchHolidayCalendar();
        var scenario = Scenario(options, zone, holidays);
        var teams = DemoOrganisation.Teams();
        var agents = DemoOrganisation.Agents(scenario.FirstDay, scenario.LastDay);
        var roster = new DemoRoster(agents, scenario.FirstDay, scenario.LastDay, holidays, scenario.AbsentAgent, scenario.OverloadFirstWeek.Monday, random);

        var arrivals = new DemoArrivals(scenario, holidays, zone, random);
        var simulations = teams.Select(team =>
        {
            var members = agents.Select((agent, index) => (index, agent)).Where(m => m.agent.Team == team.Name).ToList();
            return (Team: team, Members: members, Simulation: new DemoTeamSimulation(team, members, roster, holidays, zone, random));
        }).ToList();

        var all = new List<DemoWork>();
        for (var day = scenario.FirstDay; day <= scenario.LastDay; day = day.AddDays(1))
        {
            foreach (var (team, members, simulation) in simulations)
            {
                var today = arrivals.For(team.Name, members, day).OrderBy(w => w.EscalatedAt ?? w.OpenedAt).ToList();
                all.AddRange(today);
                simulation.RunDay(day, today);
            }
        }

        var records = new DemoRecords(scenario, agents, roster, zone, random, options.Source);
        return records.Build(teams, all, NonTicketActivities);
    }

    private DemoScenario Scenario(DemoOptions options, TimeZoneInfo zone, IHolidayCalendar holidays)
    {
        var lastDay = options.LastDay ?? LastSundayBefore(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime));
        if (lastDay.DayOfWeek != DayOfWeek.Sunday)
        {
            throw new ArgumentException($"The demo history must end on a Sunday (a whole ISO week); {lastDay:yyyy-MM-dd} is a {lastDay.DayOfWeek}.", nameof(options));
        }

        if (options.Weeks < 20)
        {
            throw new ArgumentException("The demo history needs at least 20 weeks.", nameof(options));
        }

        if (options.OverloadWeeks < 1 || options.OverloadWeeks > options.Weeks / 2)
        {
            throw new ArgumentException($"The demo's overload must last from 1 week to half the history ({options.Weeks / 2} weeks); {options.OverloadWeeks} asked.", nameof(options));
        }

        var firstDay = lastDay.AddDays((-7 * options.Weeks) + 1);
        var lastWeek = IsoWeek.Of(lastDay);

        // Well back in the history, on a week without holidays, so it stands out from the seasonality.
        var majorWeek = lastWeek.AddWeeks(-Math.Min(58, options.Weeks / 2));
        while (Enumerable.Range(0, 5).Any(d => holidays.IsHoliday(majorWeek.Monday.AddDays(d))))
        {
            majorWeek = majorWeek.Previous();
        }

        var onboarding = IsoWeek.Range(IsoWeek.Of(firstDay), lastWeek).Where(w => w.Week is >= 36 and <= 39).ToList();
        var absent = DemoOrganisation.Agents(firstDay, lastDay).Where(a => a.Team == DemoCatalog.Workplace).Skip(1).First().Name;
        return new DemoScenario
        {
            FirstDay = firstDay,
            LastDay = lastDay,
            AsOf = LocalTime.ToUtc(lastDay.AddDays(1).ToDateTime(new TimeOnly(6, 0)), zone),
            OverloadedTeam = DemoCatalog.Workplace,
            OverloadFirstWeek = lastWeek.AddWeeks(-(options.OverloadWeeks - 1)),
            AbsentAgent = absent,
            MajorIncidentWeek = majorWeek,
            MajorIncidentProblemId = "",
            OnboardingWeeks = onboarding,
        };
    }

    private static DateOnly LastSundayBefore(DateOnly today) =>
        today.AddDays(today.DayOfWeek == DayOfWeek.Sunday ? -7 : -(int)today.DayOfWeek);
}
