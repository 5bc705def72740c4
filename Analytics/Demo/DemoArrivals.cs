using Analytics.Calendar;
using Analytics.Import;
using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>
/// When tickets arrive: a team's ordinary weekly volume (set by its capacity), spread over weekdays
/// and hours, with yearly seasonality, holidays, slow growth, and the scenario's events on top.
/// </summary>
internal sealed class DemoArrivals(DemoScenario scenario, IHolidayCalendar holidays, TimeZoneInfo zone, DemoRandom random)
{
    /// <summary>Share of capacity the ordinary volume fills: busy but sustainable.</summary>
    private const double Utilisation = 0.80;

    /// <summary>Share of working days an agent is at work (holidays, leave and sickness aside).</summary>
    private const double Presence = 0.86;

    private static readonly double[] UserByWeekday = Normalise([0.04, 1.25, 1.10, 1.00, 0.95, 0.78, 0.06]);
    private static readonly double[] MonitoringByWeekday = Normalise([1, 1, 1, 1, 1, 1, 1]);
    private static readonly double[] PlannedByWeekday = Normalise([0, 1, 1, 1, 1, 1, 0]);

    // Office-hours profile of user-raised tickets: a morning peak, a dip at lunch, a quiet evening.
    private static readonly double[] UserByHour =
        [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 8, 11, 10, 9, 6, 8, 8, 7, 5, 3, 1.5, 1, 0.8, 0.6, 0.4, 0.3];

    public IEnumerable<DemoWork> For(string team, IReadOnlyList<(int Index, Agent Agent)> members, DateOnly day)
    {
        var work = DemoCatalog.For(team);
        var weekly = WeeklyVolume(work, members);
        var dayOfWeek = (int)day.DayOfWeek;
        foreach (var type in work)
        {
            var byWeekday = type.Origin switch
            {
                DemoOrigin.User => UserByWeekday,
                DemoOrigin.Monitoring => MonitoringByWeekday,
                _ => PlannedByWeekday,
            };
            var mean = weekly * type.Share * byWeekday[dayOfWeek] * Season(type.Origin, day) * Events(team, type, day);
            var count = random.Poisson(mean);
            for (var i = 0; i < count; i++)
            {
                yield return Create(team, type, day);
            }
        }

        if (team == DemoCatalog.Network && day == scenario.MajorIncidentWeek.Monday.AddDays(3))
        {
            yield return MajorIncidentProblem(team, day);
        }
    }

    private static double WeeklyVolume(IReadOnlyList<DemoWorkType> work, IReadOnlyList<(int Index, Agent Agent)> members)
    {
        // Handling times are log-normal with sigma 0.5 around 0.88 x typical: their mean is the typical time.
        var minutesPerTicket = work.Sum(w => w.Share * w.HandlingMinutes);
        var weeklyCapacity = members.Sum(m => DemoRoster.WeeklyMinutes(m.Agent));
        return Utilisation * Presence * weeklyCapacity / minutesPerTicket;
    }

    private double Season(DemoOrigin origin, DateOnly day)
    {
        if (origin == DemoOrigin.Monitoring)
        {
            return Trend(day);
        }

        var holiday = holidays.IsHoliday(day);
        if (origin == DemoOrigin.Planned && holiday)
        {
            return 0;
        }

        var week = IsoWeek.Of(day).Week;
        var summer = week is >= 28 and <= 34 ? (origin == DemoOrigin.User ? 0.72 : 0.8) : 1.0;
        var christmas = (day.Month == 12 && day.Day >= 23) || (day.Month == 1 && day.Day <= 1) ? (origin == DemoOrigin.User ? 0.5 : 0.3) : 1.0;
        var winter = origin == DemoOrigin.User ? 1 + (0.07 * Math.Cos(2 * Math.PI * (day.DayOfYear - 20) / 365.25)) : 1.0;
        var closed = holiday ? 0.12 : 1.0;
        return Trend(day) * summer * christmas * winter * closed;
    }

    /// <summary>Slow growth: four percent more work a year, as the organisation grows.</summary>
    private double Trend(DateOnly day) => 1 + (0.04 * (day.DayNumber - scenario.FirstDay.DayNumber) / 365.25);

    private double Events(string team, DemoWorkType type, DateOnly day)
    {
        var factor = 1.0;
        var week = IsoWeek.Of(day);
        if (type.Onboarding && scenario.OnboardingWeeks.Contains(week))
        {
            factor *= 3.0;
        }

        if (type.OutageSensitive && week == scenario.MajorIncidentWeek && day.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday)
        {
            factor *= team is DemoCatalog.ServiceDesk or DemoCatalog.Network ? 3.5 : 2.0;
        }

        if (type.RefreshWave && team == scenario.OverloadedTeam && week >= scenario.OverloadFirstWeek)
        {
            factor *= 6.0;
        }

        return factor;
    }

    private DemoWork Create(string team, DemoWorkType type, DateOnly day)
    {
        var arrival = ArrivalTime(type.Origin, day);
        var outage = type.OutageSensitive && IsoWeek.Of(day) == scenario.MajorIncidentWeek;
        var priority = Priority(type.Kind, outage);
        var escalated = team != DemoCatalog.ServiceDesk && type.Origin == DemoOrigin.User && type.Kind == TicketKind.Incident && random.Chance(0.35);
        var opened = escalated ? arrival.AddMinutes(-Math.Round(Math.Clamp(random.LogNormal(90, 0.6), 10, 480))) : arrival;
        var (eligible, night) = Eligibility(team, type, priority, arrival);
        return new DemoWork
        {
            Type = type,
            Team = team,
            OpenedAt = opened,
            EscalatedFrom = escalated ? DemoCatalog.ServiceDesk : null,
            EscalatedAt = escalated ? arrival : null,
            Priority = priority,
            Channel = ChannelFor(team, type),
            Title = random.Pick(type.Titles),
            HandlingMinutes = Math.Clamp(random.LogNormal(type.HandlingMinutes * 0.88, 0.5), 3, type.HandlingMinutes * 6),
            EligibleAt = eligible,
            InNightWindow = night,
            WillReopen = type.Kind == TicketKind.Incident && priority > 1 && random.Chance(0.045),
        };
    }

    private DemoWork MajorIncidentProblem(string team, DateOnly day) => new()
    {
        Type = new DemoWorkType
        {
            Kind = TicketKind.Problem,
            Category = "Network",
            Subcategory = "Major incident",
            Share = 0,
            HandlingMinutes = 900,
            Origin = DemoOrigin.Planned,
            Titles = ["Major incident: netwerkstoring datacenter"],
        },
        Team = team,
        OpenedAt = LocalTime.ToUtc(day.ToDateTime(new TimeOnly(11, 0)), zone),
        Priority = 1,
        Channel = Channel.Portal,
        Title = "Major incident: netwerkstoring datacenter",
        HandlingMinutes = 900,
        EligibleAt = LocalTime.ToUtc(day.AddDays(11).ToDateTime(new TimeOnly(9, 0)), zone),
    };

    private DateTimeOffset ArrivalTime(DemoOrigin origin, DateOnly day)
    {
        var minuteOfDay = origin switch
        {
            DemoOrigin.Monitoring => random.Next(24 * 60),
            DemoOrigin.Planned => random.Next(8 * 60, 17 * 60),
            _ => (HourOfUserTicket() * 60) + random.Next(60),
        };
        return LocalTime.ToUtc(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay), zone);
    }

    private int HourOfUserTicket() => random.PickWeighted(Enumerable.Range(0, 24).ToArray(), h => UserByHour[h]);

    private int Priority(TicketKind kind, bool outage)
    {
        var roll = random.NextDouble();
        return kind switch
        {
            TicketKind.Incident when outage => roll < 0.05 ? 1 : roll < 0.55 ? 2 : 3,
            TicketKind.Incident => roll < 0.015 ? 1 : roll < 0.115 ? 2 : roll < 0.715 ? 3 : 4,
            TicketKind.Problem => roll < 0.3 ? 2 : 3,
            TicketKind.Change => 3,
            TicketKind.Maintenance => 4,
            _ => roll < 0.7 ? 3 : 4,
        };
    }

    private Channel ChannelFor(string team, DemoWorkType type)
    {
        if (type.Origin == DemoOrigin.Monitoring)
        {
            return Channel.Monitoring;
        }

        if (type.Origin == DemoOrigin.Planned)
        {
            return Channel.Portal;
        }

        var roll = random.NextDouble();
        if (team == DemoCatalog.ServiceDesk)
        {
            return roll < 0.35 ? Channel.Phone : roll < 0.60 ? Channel.Email : roll < 0.85 ? Channel.Portal : roll < 0.95 ? Channel.Chat : Channel.WalkIn;
        }

        return roll < 0.55 ? Channel.Portal : roll < 0.90 ? Channel.Email : Channel.Phone;
    }

    private (DateTimeOffset Eligible, bool Night) Eligibility(string team, DemoWorkType type, int priority, DateTimeOffset arrival)
    {
        switch (type.Kind)
        {
            case TicketKind.Incident when priority == 1:
                return (arrival.AddMinutes(random.Next(10, 30)), false);
            case TicketKind.Incident when priority == 2:
                return (arrival.AddMinutes(random.Next(20, 90)), false);
            case TicketKind.Incident:
                // One in five waits for the user (information, a visit, a part) for days.
                var wait = random.LogNormal(90, 1.0) + (random.Chance(0.2) ? random.Uniform(1, 4) * 24 * 60 : 0);
                return (arrival.AddMinutes(wait), false);
            case TicketKind.Request:
                return (arrival.AddMinutes(random.LogNormal(8 * 60, 1.0)), false);
            case TicketKind.Task:
                return (arrival.AddMinutes(random.LogNormal(4 * 60, 0.8)), false);
            case TicketKind.Problem:
                return (arrival.AddDays(random.Uniform(10, 50)), false);
            default:
                // Changes wait for the change board; maintenance is scheduled. Some run in the evening window.
                var night = random.Chance(type.Kind == TicketKind.Change ? 0.35 : team is DemoCatalog.Infrastructure or DemoCatalog.Network ? 0.45 : 0.1);
                var slot = ScheduledDay(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(arrival, zone).DateTime).AddDays(type.Kind == TicketKind.Change ? random.Next(3, 15) : random.Next(1, 10)));
                var time = night ? new TimeOnly(20, 0).AddMinutes(random.Next(0, 180)) : new TimeOnly(9, 0).AddMinutes(random.Next(0, 360));
                return (LocalTime.ToUtc(slot.ToDateTime(time), zone), night);
        }
    }

    private DateOnly ScheduledDay(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.IsHoliday(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static double[] Normalise(double[] weights)
    {
        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }
}
