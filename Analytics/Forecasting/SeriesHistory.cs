namespace Analytics.Forecasting;

/// <summary>
/// A series as the forecasters learn from it: its one-off surges clipped (<see cref="SurgeClipping"/>: daily
/// series against the same weekday of earlier weeks, weekly ones against the weeks before), with prefix sums
/// so window means cost O(1). <see cref="Actual"/> keeps the counts as they were, which forecasts are scored on.
/// </summary>
internal sealed class SeriesHistory
{
    private readonly double[] _values;
    private readonly double[] _prefix;

    public SeriesHistory(CountSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        Series = series;
        _values = SurgeClipping.Clip(series.Values, series.Frequency == SeriesFrequency.Daily ? 7 : 1);
        _prefix = new double[series.Count + 1];
        for (var i = 0; i < series.Count; i++)
        {
            _prefix[i + 1] = _prefix[i] + _values[i];
        }
    }

    public CountSeries Series { get; }

    public int Count => Series.Count;

    /// <summary>The value the forecasters learn from: the count, or the top of its usual range when it was a surge.</summary>
    public double this[int index] => _values[index];

    /// <summary>The count as it was, surge or not.</summary>
    public double Actual(int index) => Series.Values[index];

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
