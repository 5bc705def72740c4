using System.Diagnostics;
using System.Globalization;
using Analytics.Calendar;
using Analytics.Forecasting;

namespace Benchmarks;

/// <summary>
/// Trains and backtests the daily forecast on 30 series x 2 years of generated history (weekday rhythm,
/// summer and Christmas dips, Dutch holidays, growth, Poisson noise) and prints the time and the backtest:
/// <c>dotnet run -c Release --project tests/Benchmarks -- forecast [--series 30] [--weeks 104]</c>.
/// The target is under 20 s on the project's 2-core machine.
/// </summary>
internal static class ForecastBench
{
    private static readonly double[] Weekday = [1.25, 1.1, 1.0, 0.95, 0.8, 0.05, 0.04];

    public static int Run(string[] args)
    {
        var seriesCount = Option(args, "--series", 30);
        var weeks = Option(args, "--weeks", 104);
        var last = new DateOnly(2026, 11, 22);
        var first = last.AddDays((-7 * weeks) + 1);
        var holidays = new DutchHolidayCalendar();
        var random = new Random(42);
        var series = Enumerable.Range(0, seriesCount).Select(i => Generate(i, first, last, holidays, random)).ToList();

        var options = new ForecastOptions { Grain = ForecastGrain.Team };
        var engine = new ForecastEngine(options, holidays);
        var clock = Stopwatch.StartNew();
        var trained = engine.Train(series, SeriesFrequency.Daily, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var forecasts = engine.Forecast(trained.Model, trained.Metadata, series);
        clock.Stop();

        var summary = trained.Metadata.Summary();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"forecast bench: {seriesCount} series x {weeks} weeks daily ({series.Sum(s => s.Count):N0} days, {trained.Metadata.TrainingRows:N0} training rows), {options.BacktestRefits} backtest model fits + the final one, exponential smoothing refitted at every origin, backtest over {trained.Metadata.BacktestOrigins.Count} origins x {trained.Metadata.Horizon} days + forecast in {clock.Elapsed.TotalSeconds:N1} s on {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"backtest: MASE model {summary.ModelMase:0.000}, seasonal naive {summary.SeasonalNaiveMase:0.000}, moving average {summary.MovingAverageMase:0.000}, chosen {summary.ChosenMase:0.000}; 80% coverage {summary.Coverage80:P1}, 95% coverage {summary.Coverage95:P1}; {forecasts.Count(f => f.Method == ForecastMethod.Model)} of {forecasts.Count} series use the model"));
        return clock.Elapsed.TotalSeconds < 20 ? 0 : 1;
    }

    private static CountSeries Generate(int index, DateOnly first, DateOnly last, DutchHolidayCalendar holidays, Random random)
    {
        var level = 3 + (200 * Math.Pow(random.NextDouble(), 2));
        var values = new double[last.DayNumber - first.DayNumber + 1];
        for (var i = 0; i < values.Length; i++)
        {
            var day = first.AddDays(i);
            var week = IsoWeek.Of(day).Week;
            var season = (week is >= 28 and <= 34 ? 0.75 : 1.0) * ((day.Month == 12 && day.Day >= 23) || (day.Month == 1 && day.Day == 1) ? 0.5 : 1.0);
            var mean = level * Weekday[((int)day.DayOfWeek + 6) % 7] * season * (holidays.IsHoliday(day) ? 0.12 : 1) * (1 + (0.04 * i / 365.0));
            values[i] = Poisson(random, mean);
        }

        return new CountSeries(new SeriesKey("Team " + index.ToString("00", CultureInfo.InvariantCulture)), SeriesFrequency.Daily, first, values);
    }

    private static int Poisson(Random random, double mean)
    {
        if (mean > 50)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * normal)));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
