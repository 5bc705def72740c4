namespace Worker.Jobs;

/// <summary>
/// Retrains the forecasting models on the history in the store. Implemented outside this folder; the
/// retrain job is scheduled only when an implementation is registered.
/// </summary>
public interface IForecastRetraining
{
    Task RetrainAsync(CancellationToken cancellationToken);
}
