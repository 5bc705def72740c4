namespace Analytics.Workload;

/// <summary>
/// Walks a group's weeks in order with the set of tickets open at each week end: the backlog count
/// and the exact median and 90th-percentile age. Work is proportional to the weeks tickets stay open.
/// </summary>
internal static class BacklogSweep
{
    public static (int[] Backlog, double?[] AgeMedian, double?[] AgeP90) Run(GroupWeeks group)
    {
        var weeks = group.Clock.WeekCount;
        var spans = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(group.Spans);

        // The spans that count at some week end, bucketed by the week they start counting (a counting sort).
        var firstOfWeek = new int[weeks + 1];
        foreach (var span in spans)
        {
            var from = Math.Max(span.Entered, 0);
            if (from < weeks && span.Left > from)
            {
                firstOfWeek[from + 1]++;
            }
        }

        for (var w = 0; w < weeks; w++)
        {
            firstOfWeek[w + 1] += firstOfWeek[w];
        }

        var byWeek = new int[firstOfWeek[weeks]];
        var next = firstOfWeek[..weeks];
        for (var i = 0; i < spans.Length; i++)
        {
            var from = Math.Max(spans[i].Entered, 0);
            if (from < weeks && spans[i].Left > from)
            {
                byWeek[next[from]++] = i;
            }
        }

        var backlog = new int[weeks];
        var median = new double?[weeks];
        var p90 = new double?[weeks];
        var active = new List<BacklogSpan>();
        var ages = new List<float>();
        for (var w = 0; w < weeks; w++)
        {
            for (var i = firstOfWeek[w]; i < firstOfWeek[w + 1]; i++)
            {
                active.Add(spans[byWeek[i]]);
            }

            // One walk drops the spans that ended by this week's end and takes the age of the rest.
            var end = group.Clock.WeekEnds[w].UtcTicks;
            var open = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(active);
            var kept = 0;
            ages.Clear();
            foreach (var span in open)
            {
                if (span.Left > w)
                {
                    open[kept++] = span;
                    ages.Add((float)((end - span.OpenedTicks) / (double)TimeSpan.TicksPerDay));
                }
            }

            active.RemoveRange(kept, active.Count - kept);
            backlog[w] = kept;
            (median[w], p90[w]) = Percentile.MedianAndP90(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ages));
        }

        return (backlog, median, p90);
    }
}
