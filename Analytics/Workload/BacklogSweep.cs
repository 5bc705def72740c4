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
        var entering = new List<int>[weeks];
        var leaving = new List<int>[weeks];
        for (var i = 0; i < group.Spans.Count; i++)
        {
            var span = group.Spans[i];
            var from = Math.Max(span.Entered, 0);
            if (from >= weeks || span.Left <= from)
            {
                continue;
            }

            (entering[from] ??= []).Add(i);
            if (span.Left < weeks)
            {
                (leaving[span.Left] ??= []).Add(i);
            }
        }

        var backlog = new int[weeks];
        var median = new double?[weeks];
        var p90 = new double?[weeks];
        var active = new List<long>();
        var position = new Dictionary<int, int>();
        var owner = new List<int>();
        var buffer = new List<float>();
        for (var w = 0; w < weeks; w++)
        {
            foreach (var i in leaving[w] ?? [])
            {
                // Swap-remove: the last active span takes the leaver's slot.
                var slot = position[i];
                var last = active.Count - 1;
                active[slot] = active[last];
                owner[slot] = owner[last];
                position[owner[slot]] = slot;
                active.RemoveAt(last);
                owner.RemoveAt(last);
                position.Remove(i);
            }

            foreach (var i in entering[w] ?? [])
            {
                position[i] = active.Count;
                active.Add(group.Spans[i].OpenedTicks);
                owner.Add(i);
            }

            backlog[w] = active.Count;
            var end = group.Clock.WeekEnds[w].UtcTicks;
            buffer.Clear();
            foreach (var opened in active)
            {
                buffer.Add((float)((end - opened) / (double)TimeSpan.TicksPerDay));
            }

            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer);
            median[w] = Percentile.Of(span, 0.5);
            p90[w] = span.IsEmpty ? null : Percentile.OfSorted(span, 0.9);
        }

        return (backlog, median, p90);
    }
}
