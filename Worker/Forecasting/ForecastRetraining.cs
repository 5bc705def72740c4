using Analytics.Forecasting;
using Worker.Jobs;

namespace Worker.Forecasting;

/// <summary>The nightly retraining job's work: train and store the daily and weekly models.</summary>
public sealed class ForecastRetraining(ForecastTrainer trainer) : IForecastRetraining
{
    public async Task RetrainAsync(CancellationToken cancellationToken) => await trainer.RetrainAsync(cancellationToken);
}
