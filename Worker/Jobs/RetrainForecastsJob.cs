using Quartz;

namespace Worker.Jobs;

/// <summary>Nightly by default: retrains the forecasting models through <see cref="IForecastRetraining"/>.</summary>
[DisallowConcurrentExecution]
public sealed class RetrainForecastsJob(IForecastRetraining retraining) : IJob
{
    public static readonly JobKey Key = new("retrain-forecasts", JobCatalog.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await retraining.RetrainAsync(cancellationToken);
}
