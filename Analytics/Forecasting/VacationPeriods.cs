using Analytics.Calendar;

namespace Analytics.Forecasting;

/// <summary>
/// The stretches of the year when many staff are away and users raise less work: the summer school
/// holidays (Dutch regions stagger theirs over ISO weeks 27 to 35; the weeks all regions share are the
/// default) and Christmas to New Year. With two years of history the model has seen each transition only
/// once or twice; naming these periods lets it learn "coming out of summer" instead of guessing it from
/// the week number.
/// </summary>
internal sealed class VacationPeriods(int summerFirstWeek, int summerLastWeek)
{
    public bool IsSummer(DateOnly date) => IsoWeek.Of(date).Week is var week && week >= summerFirstWeek && week <= summerLastWeek;

    public static bool IsChristmas(DateOnly date) => (date.Month == 12 && date.Day >= 23) || (date.Month == 1 && date.Day == 1);

    /// <summary>Share of the days from <paramref name="first"/> to <paramref name="last"/> in the summer period.</summary>
    public float SummerShare(DateOnly first, DateOnly last) => Share(first, last, IsSummer);

    public static float ChristmasShare(DateOnly first, DateOnly last) => Share(first, last, IsChristmas);

    private static float Share(DateOnly first, DateOnly last, Func<DateOnly, bool> inPeriod)
    {
        var days = 0;
        var inside = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days++;
            inside += inPeriod(day) ? 1 : 0;
        }

        return days > 0 ? (float)inside / days : 0;
    }
}
