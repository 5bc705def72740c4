namespace Analytics.Demo;

/// <summary>What the demo data set looks like. The same seed and end date give the same data.</summary>
public sealed class DemoOptions
{
    /// <summary>Seed of the random generator. Default 2026.</summary>
    public int Seed { get; set; } = 2026;

    /// <summary>
    /// The last Sunday of the history. Default (null): the Sunday before today, so the demo's last
    /// full week is last week, as in a real Monday-morning report.
    /// </summary>
    public DateOnly? LastDay { get; set; }

    /// <summary>Weeks of history. Default 104 (two years).</summary>
    public int Weeks { get; set; } = 104;

    /// <summary>
    /// Weeks at the end of the history in which the overloaded team is overloaded (a colleague on long-term
    /// leave and a laptop refresh on top of the usual work). Default 6; tests lengthen it to check that a
    /// lasting overload stays flagged.
    /// </summary>
    public int OverloadWeeks { get; set; } = 6;

    /// <summary>Source name of the generated tickets. Default "demo".</summary>
    public string Source { get; set; } = "demo";
}
