namespace Analytics.Workload;

/// <summary>Running counts for one agent over the window's weeks.</summary>
internal sealed class AgentWeeks(string name, string team, TeamClock clock)
{
    public string Name { get; } = name;
    public string Team { get; } = team;
    public TeamClock Clock { get; } = clock;
    public int[] Resolved { get; } = new int[clock.WeekCount];
    public int[] AfterHours { get; } = new int[clock.WeekCount];
    public int[] HandedOn { get; } = new int[clock.WeekCount];
    public int[] Bounced { get; } = new int[clock.WeekCount];

    /// <summary>+1 where a holding starts counting at a week end, -1 where it stops; its running sum is work in progress.</summary>
    public int[] WipChanges { get; } = new int[clock.WeekCount + 1];

    public double[] MinutesLogged { get; } = new double[clock.WeekCount];

    public void Hold(int enteredWeek, int leftWeek)
    {
        var from = Math.Max(enteredWeek, 0);
        var until = Math.Min(leftWeek, Clock.WeekCount);
        if (from < until)
        {
            WipChanges[from]++;
            WipChanges[until]--;
        }
    }
}
