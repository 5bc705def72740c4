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
        return Interpolate(sorted[low], sorted[high], h - low);
    }

    /// <summary>
    /// The median and the 90th percentile, exactly as <see cref="Of"/> gives them, found by selection
    /// instead of a full sort: the weekly figures need two ranks of a few thousand values, and sorting
    /// was the largest cost of turning the pass's numbers into weeks. Reorders <paramref name="values"/>.
    /// </summary>
    public static (double? Median, double? P90) MedianAndP90(Span<float> values)
    {
        if (values.IsEmpty)
        {
            return (null, null);
        }

        // Each selection leaves the smaller values to the left of its rank and the larger to the right,
        // so the 90th percentile's ranks are looked for only right of the median's.
        var median = Select(values, 0, 0.5);
        var medianLow = (int)Math.Floor((values.Length - 1) * 0.5);
        var p90 = Select(values, medianLow, 0.9);
        return (median, p90);
    }

    /// <summary>The quantile whose lower rank is at or after <paramref name="from"/>, with everything before it already no larger.</summary>
    /// <remarks>Fully optimised from the first call, as <see cref="NthElement"/>: its minimum runs over half the values.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double Select(Span<float> values, int from, double p)
    {
        var h = (values.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, values.Length - 1);
        NthElement(values, from, low);
        var lowValue = values[low];
        var highValue = lowValue;
        if (high > low)
        {
            // After the selection every value right of the rank is at least as large: the next rank is their minimum.
            highValue = values[high];
            foreach (var v in values[(low + 2)..])
            {
                highValue = v < highValue ? v : highValue;
            }
        }

        return Interpolate(lowValue, highValue, h - low);
    }

    // Same arithmetic, in the same float and double steps, as the sorted form, so the results are bit for bit equal.
    private static double Interpolate(float low, float high, double fraction) => low + (fraction * (high - low));

    /// <summary>
    /// Puts the value of rank <paramref name="rank"/> at that index, no larger values before it and no smaller
    /// after it, looking only at [<paramref name="from"/>, end): Hoare partitions around a median of three,
    /// and a sort of what is left should a run of bad pivots make the partitions too uneven.
    /// </summary>
    /// <remarks>
    /// Fully optimised from the first call: a pass calls it some fifty thousand times within a fraction of a
    /// second, while the JIT is still busy with the rest of the report, and tiering left it unoptimised throughout.
    /// </remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void NthElement(Span<float> values, int from, int rank)
    {
        var left = from;
        var right = values.Length - 1;
        var budget = 2 * (64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)values.Length));
        while (right > left)
        {
            if (budget-- == 0)
            {
                values[left..(right + 1)].Sort();
                return;
            }

            var middle = left + ((right - left) / 2);
            var pivot = MedianOfThree(values[left], values[middle], values[right]);
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // Now [left, j] holds values no larger than the pivot, [i, right] values no smaller, and anything between equals it.
            if (rank <= j)
            {
                right = j;
            }
            else if (rank >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private static float MedianOfThree(float a, float b, float c) =>
        a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
}
