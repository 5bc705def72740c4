namespace Analytics.Forecasting;

/// <summary>A series' values with prefix sums, so window means cost O(1) while building features.</summary>
internal sealed class SeriesHistory
{
    private readonly double[] _prefix;

    public SeriesHistory(CountSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Series = series;
        _prefix = new double[series.Count + 1];
        for (var i = 0; i < series.Count; i++)
        {
            _prefix[i + 1] = _prefix[i] + series.Values[i];
        }
    }

    public CountSeries Series { get; }

    public int Count => Series.Count;

    public double this[int index] => Series.Values[index];

    public DateOnly DateAt(int index) => Series.DateAt(index);

    /// <summary>Mean of the values from <paramref name="first"/> to <paramref name="last"/> (both included, clipped to the series).</summary>
    public double Mean(int first, int last)
    {
        first = Math.Max(0, first);
        last = Math.Min(Count - 1, last);
        return last < first ? 0 : (_prefix[last + 1] - _prefix[first]) / (last - first + 1);
    }

    /// <summary>The index of the period starting on <paramref name="date"/>, which may lie outside the series.</summary>
    public int IndexOf(DateOnly date) => (date.DayNumber - Series.Start.DayNumber) / Series.PeriodDays;
}
