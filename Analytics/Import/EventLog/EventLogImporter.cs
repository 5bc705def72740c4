using Analytics.Import.Profiles;
using Analytics.Storage;

namespace Analytics.Import.EventLog;

/// <summary>
/// Imports an event log (CSV rows or XES events) in two passes: every readable row is staged in the
/// store as it comes (<see cref="EventLogStaging"/>), then the stage is read back ordered by case, time
/// and line and each case is folded into its ticket and events (<see cref="EventLogFolding"/>). Memory
/// holds a few chunks of rows or tickets and one case, whatever the file's size or order.
/// </summary>
public sealed class EventLogImporter(
    TicketStore tickets,
    EventStage stage,
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
        await stage.ClearAbandonedAsync(file.Fingerprint, runId, cancellationToken);

        var staging = new EventLogStaging(stage, file, columns, caseFields, context, quarantine);
        var staged = await staging.RunAsync(runId, options.DateFormat, progress, cancellationToken);
        var folding = new EventLogFolding(tickets, stage, file, new EventLogFold(mapping), caseFields, context, quarantine);
        var folded = await folding.RunAsync(runId, options.BatchSize, cancellationToken);
        await quarantine.FlushAsync(cancellationToken);
        await stage.DeleteRunAsync(runId, cancellationToken);

        var summary = new ImportSummary(file.Name, staged.RowsRead, folded.Inserted, folded.Updated, folded.Unchanged, quarantine.Rows, quarantine.FirstProblems)
        {
            EventLog = new EventLogSummary(staged.EventsStaged, folded.Cases, folded.EventsDerived, folded.EventsWritten),
        };
        await ledger.FinishRunAsync(runId, summary, cancellationToken);
        progress?.Report(new ImportProgress(file.Length, file.Length, staged.RowsRead));
        return summary;
    }
}
