using Analytics.Calendar;
using Analytics.Text;

namespace Reports.Documents;

/// <summary>One forecast week with its 80% and 95% prediction intervals.</summary>
public sealed record ForecastPoint(IsoWeek Week, double Expected, double Lower80, double Upper80, double Lower95, double Upper95);

/// <summary>
/// The forecast as a report shows it: recent weeks, the coming weeks with intervals, and how good
/// the forecast has been, in words. Null in a report model when no forecast exists (the report says so).
/// </summary>
/// <param name="Accuracy">Plain words, e.g. "Tested from 12 past weeks, this forecast was usually within ±12 tickets a week, and 8 of 10 weeks fell inside the shaded 80% band."</param>
/// <param name="ModelAge">How old the model is, e.g. "trained 2 days ago".</param>
public sealed record ForecastOutlook(
    IReadOnlyList<(IsoWeek Week, double Tickets)> History,
    IReadOnlyList<ForecastPoint> Weeks,
    string Accuracy,
    string? ModelAge = null,
    string? Note = null)
{
    /// <summary><see cref="Accuracy"/> as a phrase, which the report says in its readers' language.</summary>
    public Phrase? AccuracyPhrase { get; init; }

    /// <summary><see cref="ModelAge"/> as a phrase.</summary>
    public Phrase? ModelAgePhrase { get; init; }

    /// <summary><see cref="Note"/> as a phrase.</summary>
    public Phrase? NotePhrase { get; init; }
}
