namespace Reports.Charts;

/// <summary>Week labels on a category axis: at most about a dozen, with the year only when the span crosses one.</summary>
internal static class WeekAxis
{
    public const int MaxLabels = 13;

    // "26-W36" is half as wide again as "W36": fewer fit before they run into each other.
    public const int MaxLabelsWithYear = 8;

    public static (double[] Positions, string[] Labels) Ticks(IReadOnlyList<WeekLabel> weeks)
    {
        if (weeks.Count == 0)
        {
            return ([], []);
        }

        bool withYear = weeks.Select(w => w.Year).Distinct().Skip(1).Any();
        int step = Math.Max(1, (int)Math.Ceiling(weeks.Count / (double)(withYear ? MaxLabelsWithYear : MaxLabels)));
        var positions = new List<double>();
        var labels = new List<string>();
        for (int i = 0; i < weeks.Count; i += step)
        {
            positions.Add(i);
            labels.Add(weeks[i].Short(withYear));
        }

        return (positions.ToArray(), labels.ToArray());
    }
}
