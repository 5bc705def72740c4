using Analytics.Calendar;

namespace Worker.Jobs;

/// <summary>
/// Produces the weekly reports for <c>week</c> and puts them in the outbox (see Delivery/Outbox). The
/// week is the last complete ISO week (in the schedule's time zone) when the job fires, so the one run after
/// an outage over several Mondays reports the latest week. Running it twice for one week must be harmless:
/// the outbox keys mails by report, period, scope and recipient, so a recovered or repeated run queues
/// nothing new. The weekly job is scheduled only when an implementation is registered.
/// </summary>
public interface IWeeklyReporting
{
    Task RunAsync(IsoWeek week, CancellationToken cancellationToken);
}
