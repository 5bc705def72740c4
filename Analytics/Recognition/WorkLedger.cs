using Analytics.Calendar;

namespace Analytics.Recognition;

/// <summary>One category's work of one team in one week (or a period).</summary>
/// <param name="Count">Tickets resolved (articles written, time registrations) in the period.</param>
/// <param name="Hours">Registered hours where the source has them, else the configured estimate.</param>
/// <param name="EstimatedHours">The part of <paramref name="Hours"/> that is an estimate.</param>
/// <param name="Share">Share of all the team's hours in the period.</param>
public sealed record LedgerLine(WorkCategory Category, int Count, double Hours, double EstimatedHours, double Share);

/// <summary>A team's work by category over a period, with the after-hours part alongside.</summary>
public sealed record TeamLedger(string Team, IsoWeek From, IsoWeek To, IReadOnlyList<LedgerLine> Lines, int AfterHoursCount, double AfterHoursHours)
{
    public double TotalHours => Lines.Sum(l => l.Hours);

    public double BehindTheScenesHours => Lines.Where(l => WorkCategoryNames.IsBehindTheScenes(l.Category)).Sum(l => l.Hours);

    /// <summary>Share of all hours spent on work users never see.</summary>
    public double? BehindTheScenesShare => TotalHours > 0 ? BehindTheScenesHours / TotalHours : null;

    public LedgerLine Line(WorkCategory category) => Lines.FirstOrDefault(l => l.Category == category) ?? new LedgerLine(category, 0, 0, 0, 0);
}

/// <summary>The invisible-work ledger: every team's (and the department's) work by category, week by week.</summary>
public sealed class WorkLedger(IsoWeek firstWeek, IsoWeek lastWeek, string departmentName, IReadOnlyDictionary<(string Team, IsoWeek Week), WorkTally> weeks)
{
    public IsoWeek FirstWeek { get; } = firstWeek;

    public IsoWeek LastWeek { get; } = lastWeek;

    public string DepartmentName { get; } = departmentName;

    public IEnumerable<string> Teams => weeks.Keys.Select(k => k.Team).Where(t => t != DepartmentName).Distinct().Order(StringComparer.Ordinal);

    /// <summary>The team's ledger over weeks <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public TeamLedger For(string team, IsoWeek from, IsoWeek to) => For([team], team, from, to);

    /// <summary>Several teams' ledger added up into one named <paramref name="label"/>: a merged row of smaller teams.</summary>
    public TeamLedger For(IReadOnlyCollection<string> teams, string label, IsoWeek from, IsoWeek to)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var tally = new WorkTally();
        foreach (var team in teams)
        {
            foreach (var week in IsoWeek.Range(from, to))
            {
                if (weeks.TryGetValue((team, week), out var w))
                {
                    tally.Add(w);
                }
            }
        }

        return tally.ToLedger(label, from, to);
    }

    public TeamLedger For(string team, IsoWeek week) => For(team, week, week);
}

/// <summary>Running counts and hours per category; mutable while a ledger is built.</summary>
public sealed class WorkTally
{
    private readonly int[] _count = new int[Enum.GetValues<WorkCategory>().Length];
    private readonly double[] _hours = new double[Enum.GetValues<WorkCategory>().Length];
    private readonly double[] _estimated = new double[Enum.GetValues<WorkCategory>().Length];

    public int AfterHoursCount { get; private set; }

    public double AfterHoursHours { get; private set; }

    public void Add(WorkCategory category, int count, double hours, bool estimated, bool afterHours = false)
    {
        _count[(int)category] += count;
        _hours[(int)category] += hours;
        _estimated[(int)category] += estimated ? hours : 0;
        if (afterHours)
        {
            AfterHoursCount += count;
            AfterHoursHours += hours;
        }
    }

    public void Add(WorkTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _count.Length; i++)
        {
            _count[i] += other._count[i];
            _hours[i] += other._hours[i];
            _estimated[i] += other._estimated[i];
        }

        AfterHoursCount += other.AfterHoursCount;
        AfterHoursHours += other.AfterHoursHours;
    }

    public TeamLedger ToLedger(string team, IsoWeek from, IsoWeek to)
    {
        var total = _hours.Sum();
        var lines = Enum.GetValues<WorkCategory>()
            .Select(c => new LedgerLine(c, _count[(int)c], _hours[(int)c], _estimated[(int)c], total > 0 ? _hours[(int)c] / total : 0))
            .ToList();
        return new TeamLedger(team, from, to, lines, AfterHoursCount, AfterHoursHours);
    }
}
