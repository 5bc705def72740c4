namespace Analytics.Forecasting;

/// <summary>
/// Incoming tickets per local day (or per ISO week, each period starting on its Monday) from the series'
/// first period with a ticket to the last complete period. Periods without tickets are zeros.
/// </summary>
public sealed class CountSeries
{
    public CountSeries(SeriesKey key, SeriesFrequency frequency, DateOnly start, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);
        if (frequency == SeriesFrequency.Weekly && start.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException($"A weekly series starts on a Monday; {start:yyyy-MM-dd} is a {start.DayOfWeek}.", nameof(start));
        }

        Key = key;
        Frequency = frequency;
        Start = start;
        Values = values;
    }

    public SeriesKey Key { get; }

    public SeriesFrequency Frequency { get; }

    /// <summary>The first period (its first day).</summary>
    public DateOnly Start { get; }

    public IReadOnlyList<double> Values { get; }

    public int Count => Values.Count;

    /// <summary>Days per period: 1 or 7.</summary>
    public int PeriodDays => Frequency == SeriesFrequency.Daily ? 1 : 7;

    /// <summary>The first day of period <paramref name="index"/> (which may lie past the end).</summary>
    public DateOnly DateAt(int index) => Start.AddDays(index * PeriodDays);

    /// <summary>The last period (its first day).</summary>
    public DateOnly End => DateAt(Count - 1);
}
