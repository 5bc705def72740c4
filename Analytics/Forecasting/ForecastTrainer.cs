using Analytics.Calendar;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Forecasting;

/// <summary>
/// Retrains the daily and weekly models on the store's history and saves them with their backtest. The
/// nightly job calls <see cref="RetrainAsync"/>; a run that fails leaves the last good model in use.
/// </summary>
public sealed class ForecastTrainer(
    IncomingSeriesReader reader,
    ForecastModelStore store,
    ForecastCalendar calendar,
    IOptions<ForecastOptions> options,
    IHolidayCalendar holidays,
    [FromKeyedServices(FiguresClock.Key)] TimeProvider time,
    ILogger<ForecastTrainer> logger)
{
    /// <summary>
    /// Trains both models on the history up to yesterday and stores them. Returns the metadata of what was
    /// stored: empty when there was no ticket history at all (nothing is stored then).
    /// </summary>
    public async Task<IReadOnlyList<ForecastModelMetadata>> RetrainAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lastDay = await calendar.LastCompleteDayAsync(cancellationToken);
        var firstDay = lastDay.AddDays(-(7 * settings.HistoryWeeks) + 1);
        var daily = await reader.ReadDailyAsync(firstDay, lastDay, settings.Grain, cancellationToken);
        if (daily.Count == 0)
        {
            Log.NoHistory(logger, firstDay, lastDay);
            return [];
        }

        var engine = new ForecastEngine(settings, holidays);
        var weekly = daily.Select(IncomingSeriesReader.ToWeekly).OfType<CountSeries>().ToList();
        var stored = new List<ForecastModelMetadata>();
        foreach (var (frequency, series) in new[] { (SeriesFrequency.Daily, daily), (SeriesFrequency.Weekly, (IReadOnlyList<CountSeries>)weekly) })
        {
            if (series.Count == 0)
            {
                continue;
            }

            var trained = await Task.Run(() => engine.Train(series, frequency, time.GetUtcNow(), cancellationToken), cancellationToken);
            var metadata = trained.Metadata;
            if (!metadata.HasModel)
            {
                Log.NoModel(logger, frequency, metadata.TrainingRows);
            }

            await store.SaveAsync(metadata, trained.Model?.ToBytes(), cancellationToken);
            if (logger.IsEnabled(LogLevel.Information))
            {
                var teams = metadata.Summary(SeriesLevel.Team);
                var coverage = metadata.Summary().Coverage80;
                Log.Trained(logger, frequency, metadata.Series.Count, metadata.DataFrom, metadata.DataTo, metadata.TrainingRows, metadata.TrainingSeconds,
                    teams.ModelMase, teams.SeasonalNaiveMase, teams.ChosenMase, coverage);
            }

            stored.Add(metadata);
        }

        return stored;
    }
}
