using Analytics.Calendar;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Forecasting;

/// <summary>
/// Forecasts from the last good model: reads the history up to yesterday, forecasts every series from
/// its last complete day or ISO week, and reports the model's age and backtest evidence with it.
/// </summary>
public sealed class ForecastService(
    IncomingSeriesReader reader,
    ForecastModelStore store,
    ForecastCalendar calendar,
    IOptions<ForecastOptions> options,
    IHolidayCalendar holidays,
    [FromKeyedServices(FiguresClock.Key)] TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<SeriesFrequency, (long Id, GlobalForecastModel? Model)> _loaded = [];

    /// <summary>
    /// Every series' forecast (department, teams, breakdowns) at <paramref name="frequency"/>, or null when
    /// no model has been trained yet.
    /// </summary>
    public async Task<ForecastSet?> ForecastAsync(SeriesFrequency frequency, CancellationToken cancellationToken)
    {
        var stored = await store.GetLatestAsync(frequency, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var settings = options.Value;
        var metadata = stored.Metadata;
        var (lastDay, series) = await HistoryAsync(frequency, metadata.Grain, cancellationToken);
        var engine = new ForecastEngine(settings, holidays);
        if (metadata.DataTo > lastDay)
        {
            // The stored model learned from days after the moment asked about (a report as of a past date):
            // forecasting with it would be hindsight, so a model is trained on the history up to then.
            var trained = await Task.Run(() => engine.Train(series, frequency, time.GetUtcNow(), cancellationToken), cancellationToken);
            return new ForecastSet(trained.Metadata, 0, TimeSpan.Zero, ForecastReconciliation.BottomUp(engine.Forecast(trained.Model, trained.Metadata, series), UnassignedShare(series, frequency)));
        }

        var forecasts = ForecastReconciliation.BottomUp(engine.Forecast(Model(stored), metadata, series), UnassignedShare(series, frequency));
        return new ForecastSet(metadata, stored.Id, time.GetUtcNow() - metadata.CreatedAt, forecasts);
    }

    /// <summary>
    /// Trains on the history up to the last complete day (as of the figures' clock) without storing anything, and
    /// returns every out-of-sample backtest forecast of the methods chosen: what <c>forecast --backtest-csv</c> writes.
    /// </summary>
    public async Task<BacktestRun> BacktestAsync(SeriesFrequency frequency, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (_, series) = await HistoryAsync(frequency, settings.Grain, cancellationToken);
        var engine = new ForecastEngine(settings, holidays);
        var trained = await Task.Run(() => engine.Train(series, frequency, time.GetUtcNow(), cancellationToken), cancellationToken);
        return new BacktestRun(trained.Metadata, trained.Backtest);
    }

    /// <summary>The series up to the last complete day, over the configured history, at the frequency asked for.</summary>
    private async Task<(DateOnly LastDay, IReadOnlyList<CountSeries> Series)> HistoryAsync(SeriesFrequency frequency, ForecastGrain grain, CancellationToken cancellationToken)
    {
        var lastDay = await calendar.LastCompleteDayAsync(cancellationToken);
        var daily = await reader.ReadDailyAsync(lastDay.AddDays(-(7 * options.Value.HistoryWeeks) + 1), lastDay, grain, cancellationToken);
        return (lastDay, frequency == SeriesFrequency.Daily ? daily : [.. daily.Select(IncomingSeriesReader.ToWeekly).OfType<CountSeries>()]);
    }

    /// <summary>The share of tickets without a team over the last eight weeks, which the department adds to its teams' sum.</summary>
    private static double UnassignedShare(IReadOnlyList<CountSeries> series, SeriesFrequency frequency) =>
        ForecastReconciliation.UnassignedShare(series, frequency == SeriesFrequency.Daily ? 56 : 8);

    private GlobalForecastModel? Model(StoredForecastModel stored)
    {
        lock (_gate)
        {
            // Loading a model zip takes a moment; the same stored model is reused until a newer one appears.
            var frequency = stored.Metadata.Frequency;
            if (!_loaded.TryGetValue(frequency, out var loaded) || loaded.Id != stored.Id)
            {
                var model = stored.Model is { } bytes ? GlobalForecastModel.FromBytes(bytes, stored.Metadata.Features.Count - 1, stored.Metadata.MissingAsSentinel) : null;
                loaded = (stored.Id, model);
                _loaded[frequency] = loaded;
            }

            return loaded.Model;
        }
    }
}
