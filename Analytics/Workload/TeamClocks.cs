using Analytics.Calendar;
using Analytics.Tickets;

namespace Analytics.Workload;

/// <summary>
/// The clocks of one computation over a window of weeks, one per team name, made the first time a team is
/// asked for. A team the store does not know (a ticket may name one) is measured in the default zone and
/// working hours, as the department is. Clocks in the same zone share one offset table.
/// </summary>
internal sealed class TeamClocks(IReadOnlyDictionary<string, Team> teams, string defaultTimeZone, IsoWeek firstWeek, IsoWeek lastWeek, IHolidayCalendar holidays)
{
    private readonly Dictionary<string, TeamClock> _byTeam = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ZoneOffsets> _zones = new(StringComparer.Ordinal);

    public TeamClocks(IEnumerable<Team> teams, string defaultTimeZone, IsoWeek firstWeek, IsoWeek lastWeek, IHolidayCalendar holidays)
        : this(ByName(teams), defaultTimeZone, firstWeek, lastWeek, holidays)
    {
    }

    /// <summary>The clock of the team with this name, in its own zone and hours when the store knows the team.</summary>
    public TeamClock For(string team)
    {
        if (!_byTeam.TryGetValue(team, out var clock))
        {
            clock = Make(teams.GetValueOrDefault(team) ?? new Team { Name = team, TimeZone = defaultTimeZone });
            _byTeam[team] = clock;
        }

        return clock;
    }

    /// <summary>A clock in the default zone and working hours, for the department, whatever teams share its name.</summary>
    public TeamClock Default(string name) => Make(new Team { Name = name, TimeZone = defaultTimeZone });

    private static Dictionary<string, Team> ByName(IEnumerable<Team> teams)
    {
        var byName = new Dictionary<string, Team>(StringComparer.Ordinal);
        foreach (var team in teams)
        {
            byName[team.Name] = team;
        }

        return byName;
    }

    private TeamClock Make(Team team)
    {
        if (!_zones.TryGetValue(team.TimeZone, out var offsets))
        {
            offsets = new ZoneOffsets(TimeZoneInfo.FindSystemTimeZoneById(team.TimeZone), firstWeek, lastWeek);
            _zones[team.TimeZone] = offsets;
        }

        return new TeamClock(team, firstWeek, lastWeek, holidays, offsets);
    }
}
