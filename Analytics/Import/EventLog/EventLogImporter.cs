using Analytics.Import.Profiles;
using Analytics.Storage;

namespace Analytics.Import.EventLog;

/// <summary>
/// Imports an event log (CSV rows or XES events) in two passes: every readable row is read and sorted
/// by case, time and line (<see cref="EventLogStaging"/>, <see cref="EventRunSorter"/>, which spills
/// sorted runs to temporary files), then the sorted rows are folded case by case into tickets and events
/// (<see cref="EventLogFolding"/>). Memory holds one run of rows, a few chunks of tickets and one case,
/// whatever the file's size or order.
/// </summary>
public sealed class EventLogImporter(
    TicketStore tickets,
    ImportLedger ledger)
{
    internal async Task<ImportSummary> ImportAsync(
        EventLogFile file,
        GenericProfile profile,
        ImportContext context,
        ImportOptions options,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var mapping = profile.EventLog!;
        var columns = EventLogColumns.Bind(file.Header, mapping, profile.MappingFile);
        var caseFields = profile.BindCaseFields(file.Header);
        var quarantine = new QuarantineTally(ledger, file.Fingerprint, file.Name);
        var runId = await ledger.StartRunAsync(file.Name, file.Fingerprint, profile.Name, cancellationToken);

        using var sorter = new EventRunSorter();
        var staging = new EventLogStaging(file, columns, caseFields, context, quarantine);
        var rowsRead = await staging.RunAsync(sorter, options.DateFormat, progress, cancellationToken);
        var folding = new EventLogFolding(tickets, file, new EventLogFold(mapping), caseFields, context, quarantine);
        var folded = await folding.RunAsync(sorter, options.BatchSize, cancellationToken);
        await quarantine.FlushAsync(cancellationToken);

        var summary = new ImportSummary(file.Name, rowsRead, folded.Inserted, folded.Updated, folded.Unchanged, quarantine.Rows, quarantine.FirstProblems)
        {
            EventLog = new EventLogSummary(sorter.Count, folded.Cases, folded.EventsDerived, folded.EventsWritten),
            FutureKept = folded.FutureKept,
            Notes = file.Notes,
        };
        await ledger.FinishRunAsync(runId, summary, cancellationToken);
        progress?.Report(new ImportProgress(file.Length, file.Length, rowsRead));
        return summary;
    }
}
