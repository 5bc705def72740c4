using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worker.Hosting;

namespace Worker.Delivery;

/// <summary>
/// Runs the dispatcher while the worker runs: at start, whenever a mail is enqueued, and every poll interval.
/// After a pass that the store or the mail server stopped, the wait doubles (up to <see cref="MaxPause"/>), so
/// an outage costs a few quiet attempts rather than a connection and a log line every poll.
/// </summary>
public sealed class OutboxDispatchService(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDispatchService> logger) : BackgroundService
{
    /// <summary>The longest wait between passes during an outage (or <see cref="DeliveryOptions.MaxRetryDelay"/> when shorter).</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failedPasses = 0;
        var storeFailures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool stopped;
            try
            {
                stopped = (await dispatcher.PassAsync(stoppingToken)).Stopped;
                if (storeFailures > 0)
                {
                    Log.OutboxDispatchBack(logger, storeFailures);
                    storeFailures = 0;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store itself failed; the outbox is intact and a later pass tries again. The first failure is
                // logged with its stack (it may be a bug), the rest of the streak quietly.
                stopped = true;
                storeFailures++;
                if (storeFailures == 1)
                {
                    Log.OutboxDispatchFailed(logger, ex.Message, ex);
                }
                else
                {
                    var next = Pause(options.Value, failedPasses + 1);
                    Log.OutboxDispatchStillFailing(logger, storeFailures, next, ex.Message);
                }
            }

            failedPasses = stopped ? failedPasses + 1 : 0;
            try
            {
                await signal.WaitAsync(Pause(options.Value, failedPasses), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The poll interval after a good pass; after failed ones, doubled per failure up to MaxRetryDelay or <see cref="MaxPause"/>.</summary>
    internal static TimeSpan Pause(DeliveryOptions options, int failedPasses)
    {
        if (failedPasses <= 0)
        {
            return options.PollInterval;
        }

        var cap = Math.Max(options.PollInterval.Ticks, Math.Min(options.MaxRetryDelay.Ticks, MaxPause.Ticks));
        var factor = Math.Pow(2, Math.Min(failedPasses, 30));
        return TimeSpan.FromTicks((long)Math.Min(options.PollInterval.Ticks * factor, cap));
    }
}
