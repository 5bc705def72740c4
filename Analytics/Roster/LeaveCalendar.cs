using Analytics.Tickets;

namespace Analytics.Roster;

/// <summary>
/// Who is away on which working day, from the roster's leave file and <c>Staffing:Leave</c>: the one answer the
/// workload figures (per-agent averages, contract hours) and the staffing outlook (capacity) both use.
/// </summary>
public sealed class LeaveCalendar
{
    private readonly Dictionary<string, List<AgentLeave>> _byAgent = new(StringComparer.OrdinalIgnoreCase);

    public LeaveCalendar(IEnumerable<AgentLeave> leave)
    {
        ArgumentNullException.ThrowIfNull(leave);
        foreach (var entry in leave)
        {
            if (!_byAgent.TryGetValue(entry.Agent, out var entries))
            {
                _byAgent[entry.Agent] = entries = [];
            }

            entries.Add(entry);
        }
    }

    public static LeaveCalendar None { get; } = new([]);

    /// <summary>
    /// The agent's contract hours on <paramref name="workdays"/> (a fifth of the week's contract each, only days
    /// on staff) less leave; null when the contract hours are unknown.
    /// </summary>
    public double? AvailableHours(Agent agent, IEnumerable<DateOnly> workdays)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(workdays);
        if (agent.ContractHours is not { } weekly)
        {
            return null;
        }

        var contract = (double)weekly;
        var hours = 0.0;
        foreach (var day in workdays.Where(agent.OnStaffOn))
        {
            var away = Entries(agent, day).Sum(e => (double?)e.HoursPerWeek ?? contract);
            hours += Math.Max(0, contract - away) / 5;
        }

        return hours;
    }

    /// <summary>
    /// Whether the agent was away all of every working day they were on staff (at least one): such a week
    /// has nothing to say about their workload, and they are no one to share the team's work with.
    /// </summary>
    public bool AwayAllOf(Agent agent, IEnumerable<DateOnly> workdays)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(workdays);
        var any = false;
        foreach (var day in workdays.Where(agent.OnStaffOn))
        {
            any = true;
            if (!Entries(agent, day).Any(e => e.HoursPerWeek is null || (agent.ContractHours is { } contract && e.HoursPerWeek >= contract)))
            {
                return false;
            }
        }

        return any;
    }

    private IEnumerable<AgentLeave> Entries(Agent agent, DateOnly day) =>
        _byAgent.TryGetValue(agent.Name, out var entries) ? entries.Where(e => e.From <= day && day <= e.To) : [];
}
