namespace Analytics.Workload;

/// <summary>
/// Running counts for one team (or the department) over the window's weeks, filled in one pass over
/// the tickets. Holds numbers, not tickets: the backlog spans are 16 bytes each.
/// </summary>
internal sealed class GroupWeeks
{
    public GroupWeeks(string name, TeamClock clock, bool isDepartment)
    {
        Name = name;
        Clock = clock;
        IsDepartment = isDepartment;
        var weeks = clock.WeekCount;
        Incoming = new int[weeks];
        Resolved = new int[weeks];
        PassedOn = new int[weeks];
        SlaMet = new int[weeks];
        SlaMeasured = new int[weeks];
        FirstContact = new int[weeks];
        FirstContactBase = new int[weeks];
        Reopened = new int[weeks];
        Reassigned = new int[weeks];
        AfterHours = new int[weeks];
        Resolvers = new HashSet<string>?[weeks];
        CalendarHours = new List<float>[weeks];
        BusinessHours = new List<float>[weeks];
        for (var w = 0; w < weeks; w++)
        {
            CalendarHours[w] = [];
            BusinessHours[w] = [];
        }
    }

    public string Name { get; }
    public TeamClock Clock { get; }
    public bool IsDepartment { get; }
    public int[] Incoming { get; }

    /// <summary>Who resolved the group's tickets, per week: the people its figures describe.</summary>
    public HashSet<string>?[] Resolvers { get; }
    public int[] Resolved { get; }
    public int[] PassedOn { get; }
    public int[] SlaMet { get; }
    public int[] SlaMeasured { get; }
    public int[] FirstContact { get; }
    public int[] FirstContactBase { get; }
    public int[] Reopened { get; }
    public int[] Reassigned { get; }
    public int[] AfterHours { get; }
    public List<float>[] CalendarHours { get; }
    public List<float>[] BusinessHours { get; }

    /// <summary>Spans the team held an open ticket: opening instant and the weeks it entered and left.</summary>
    public List<BacklogSpan> Spans { get; } = [];

    public bool InWindow(int week) => week >= 0 && week < Clock.WeekCount;

    /// <summary>
    /// The first week (index; below 0 before the window) in which the group held a ticket or the store's
    /// data for it starts; <see cref="int.MaxValue"/> while none is known. Weeks before it are "no data".
    /// </summary>
    public int FirstDataWeek { get; private set; } = int.MaxValue;

    public void NoteData(int week) => FirstDataWeek = Math.Min(FirstDataWeek, week);
}

/// <summary>A ticket held by a group from week <see cref="Entered"/> until week <see cref="Left"/> (exclusive; the window's week count when still open).</summary>
internal readonly record struct BacklogSpan(long OpenedTicks, int Entered, int Left);
