using Analytics.Calendar;

namespace Worker.Jobs;

/// <summary>
/// Produces the weekly reports for <c>week</c> and puts them in the outbox (see Delivery/Outbox). The
/// week is the one that ended before the scheduled fire time, so a run that is late, recovered on another
/// worker or triggered by hand reports the same week. Running it twice for one week must be harmless: the
/// outbox keys mails by report, period, scope and recipient. The weekly job is scheduled only when an
/// implementation is registered.
/// </summary>
public interface IWeeklyReporting
{
    Task RunAsync(IsoWeek week, CancellationToken cancellationToken);
}
