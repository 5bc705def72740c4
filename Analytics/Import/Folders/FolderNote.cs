using System.Globalization;
using System.Text;

namespace Analytics.Import.Folders;

/// <summary>
/// The text put beside a file in done/ (<c>name.summary.txt</c>) or failed/ (<c>name.error.txt</c>): what was read,
/// stored and quarantined, or why nothing was. Written for the person who dropped the file, who may not see the log.
/// </summary>
internal static class FolderNote
{
    public static string Imported(string fileName, string origin, DateTimeOffset at, ImportSummary summary)
    {
        var text = Head(fileName, origin);
        Line(text, "Imported at", Instant(at));
        Figures(text, summary);
        return text.ToString();
    }

    public static string AlreadyImported(string fileName, string origin, DateTimeOffset at, EarlierImport earlier)
    {
        var text = Head(fileName, origin);
        Line(text, "Moved at", Instant(at));
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Not imported again: the same content was imported as '{earlier.FileName}'");
        text.Append(earlier.FinishedAt is { } finished ? $" at {Instant(finished)}" : string.Empty);
        text.AppendLine(CultureInfo.InvariantCulture, $" (import run {earlier.RunId}). The figures are that import's:");
        Figures(text, earlier.Summary);
        return text.ToString();
    }

    public static string Failed(string fileName, string origin, DateTimeOffset at, string reason, ImportSummary? summary)
    {
        var text = Head(fileName, origin);
        Line(text, "Failed at", Instant(at));
        Line(text, "Reason", reason);
        if (summary is not null)
        {
            Figures(text, summary);
        }

        text.AppendLine();
        text.AppendLine("Fix the file (or the folder's settings) and drop it into the folder again.");
        return text.ToString();
    }

    private static StringBuilder Head(string fileName, string origin)
    {
        var text = new StringBuilder();
        Line(text, "File", fileName);
        Line(text, "From", origin);
        return text;
    }

    private static void Figures(StringBuilder text, ImportSummary summary)
    {
        Line(text, "Rows read", Count(summary.RowsRead));
        Line(text, "Stored", $"{Count(summary.Good)} ({Count(summary.Inserted)} new, {Count(summary.Updated)} updated, {Count(summary.Unchanged)} unchanged)");
        Line(text, "Quarantined", $"{Count(summary.Quarantined)} {(summary.Quarantined == 1 ? "row" : "rows")}");
        if (summary.EventLog is { } log)
        {
            Line(text, "Event log", $"{Count(log.EventsRead)} events of {Count(log.Cases)} cases; {Count(log.EventsDerived)} ticket events, {Count(log.EventsNew)} of them new");
        }

        if (summary.FutureKept > 0)
        {
            Line(text, "Future times", $"{Count(summary.FutureKept)} rows kept although a time lies more than a day ahead (Import:FutureTimes = Keep)");
        }

        foreach (var note in summary.Notes)
        {
            Line(text, "Note", note);
        }

        if (summary.FirstProblems.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(summary.Quarantined > summary.FirstProblems.Count
                ? $"The first {summary.FirstProblems.Count} quarantined fields (every one is in the store's quarantine table, with its raw value):"
                : "Quarantined fields:");
            foreach (var problem in summary.FirstProblems)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {problem}");
            }
        }
    }

    private static void Line(StringBuilder text, string label, string value) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"{label + ":",-13} {value}");

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
