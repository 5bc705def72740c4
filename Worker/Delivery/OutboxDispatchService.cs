using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worker.Hosting;

namespace Worker.Delivery;

/// <summary>Runs the dispatcher while the worker runs: at start, whenever a mail is enqueued, and every poll interval.</summary>
public sealed class OutboxDispatchService(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store itself failed; the outbox is intact and the next pass tries again.
                Log.OutboxDispatchFailed(logger, ex.Message, ex);
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
