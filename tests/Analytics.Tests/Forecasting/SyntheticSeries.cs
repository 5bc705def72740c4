using Analytics.Calendar;
using Analytics.Forecasting;

namespace Analytics.Tests.Forecasting;

/// <summary>Daily count series made up for engine tests: a weekday rhythm, Poisson noise, holidays that close the desk.</summary>
internal static class SyntheticSeries
{
    private static readonly double[] Weekday = [1.2, 1.1, 1.0, 1.0, 0.9, 0.05, 0.05];

    public static CountSeries Daily(string team, DateOnly first, DateOnly last, double level, int seed, double holidayFactor = 0.1)
    {
        var holidays = new DutchHolidayCalendar();
        var random = new Random(seed);
        var values = new double[last.DayNumber - first.DayNumber + 1];
        for (var i = 0; i < values.Length; i++)
        {
            var day = first.AddDays(i);
            var mean = level * Weekday[((int)day.DayOfWeek + 6) % 7] * (holidays.IsHoliday(day) ? holidayFactor : 1);
            values[i] = Poisson(random, mean);
        }

        return new CountSeries(new SeriesKey(team), SeriesFrequency.Daily, first, values);
    }

    public static CountSeries Constant(string team, DateOnly first, DateOnly last, double value) =>
        new(new SeriesKey(team), SeriesFrequency.Daily, first, Enumerable.Repeat(value, last.DayNumber - first.DayNumber + 1).ToArray());

    private static int Poisson(Random random, double mean)
    {
        if (mean > 50)
        {
            // Normal approximation: Knuth's product method underflows for large means.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2))));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }
}
