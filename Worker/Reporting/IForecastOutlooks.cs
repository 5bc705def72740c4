using Analytics.Calendar;
using Reports.Documents;

namespace Worker.Reporting;

/// <summary>The weekly forecast per team (and the department) as the reports show it; empty when no model is trained.</summary>
public interface IForecastOutlooks
{
    Task<IReadOnlyDictionary<string, ForecastOutlook>> GetAsync(IsoWeek lastWeek, CancellationToken cancellationToken);
}
