namespace Analytics.Workload;

/// <summary>"Usual" level: the median of the weeks before, which one bad week cannot move much.</summary>
internal static class Baseline
{
    public static double? Median(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().Select(v => (float)v).ToArray();
        return Percentile.Of(known, 0.5);
    }
}
