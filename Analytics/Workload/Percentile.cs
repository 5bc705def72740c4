namespace Analytics.Workload;

/// <summary>
/// Percentiles by linear interpolation between closest ranks (the "R-7" rule of spreadsheets'
/// PERCENTILE.INC): the median of an even count is the mean of the middle two.
/// </summary>
public static class Percentile
{
    /// <summary>The <paramref name="p"/>-th quantile (0..1) of <paramref name="values"/>, which it sorts in place; null when empty.</summary>
    public static double? Of(Span<float> values, double p)
    {
        if (values.IsEmpty)
        {
            return null;
        }

        values.Sort();
        return OfSorted(values, p);
    }

    public static double OfSorted(ReadOnlySpan<float> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }
}
