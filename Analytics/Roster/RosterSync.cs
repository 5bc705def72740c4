using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Analytics.Import;
using Analytics.Import.Sources;
using Analytics.Storage;
using Microsoft.Extensions.Logging;

namespace Analytics.Roster;

/// <summary>
/// A sync source's roster query: run after its tickets, without parameters, returning the columns of a
/// roster file (the agents file's, usually; teams or leave are told by their columns alike). Each row is
/// read exactly as a CSV row of that file, so the vocabulary, the checks and the quarantine are the same;
/// a roster is small, so the whole result is read every run and stored by name (a rerun changes nothing).
/// </summary>
public sealed class RosterSync(RosterImporter importer, ILogger<RosterSync> logger)
{
    /// <summary>Runs the source's roster query, if it has one; null when it has none.</summary>
    public async Task<RosterImportSummary?> SyncAsync(TicketSourceOptions source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(source.RosterQueryFile))
        {
            return null;
        }

        string query;
        try
        {
            query = await File.ReadAllTextAsync(source.RosterQueryFile, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourceQueryException($"Source '{source.Name}': the roster query file {source.RosterQueryFile} cannot be read: {ex.Message}", ex);
        }

        var dialect = SqlDialect.For(source.Provider.Database());
        await using var connection = dialect.CreateConnection(source.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var header = new CsvHeader([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)]);
        RosterFile file;
        try
        {
            file = RosterFile.Bind(header);
        }
        catch (ImportFileException ex)
        {
            throw new SourceQueryException($"Source '{source.Name}': the roster query {source.RosterQueryFile}: {ex.Message}", ex);
        }

        var rows = new List<CsvRecord>();
        long line = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            line++;
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.IsDBNull(i) ? string.Empty : AsText(reader.GetValue(i));
            }

            rows.Add(new CsvRecord(line, fields, string.Join(',', fields)));
        }

        // Quarantined rows are keyed by the source (as ticket rows of a sync are) and the row number.
        var fingerprint = "sync-roster-" + XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(source.Name)).ToString("x16", CultureInfo.InvariantCulture);
        var summary = await importer.StoreAsync(file, rows, [], fingerprint, $"{source.Name} roster query", line, cancellationToken);
        Log.RosterSynced(logger, source.Name, file.Kind, summary.RowsRead, summary.Added, summary.Changed, summary.Quarantined);
        return summary;
    }

    /// <summary>
    /// Stores one roster table an API connector read (groups, members), row by row as a CSV row of a roster
    /// file with those columns, so the checks and the quarantine are the file import's.
    /// </summary>
    public async Task<RosterImportSummary> StoreTableAsync(TicketSourceOptions source, Import.Api.ApiRosterTable table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(table);
        RosterFile file;
        try
        {
            file = RosterFile.Bind(new CsvHeader([.. table.Columns]));
        }
        catch (ImportFileException ex)
        {
            throw new SourceQueryException($"Source '{source.Name}': its roster ({string.Join(", ", table.Columns)}): {ex.Message}", ex);
        }

        var rows = new List<CsvRecord>(table.Rows.Count);
        long line = 0;
        foreach (var row in table.Rows)
        {
            line++;
            var fields = row.ToArray();
            rows.Add(new CsvRecord(line, fields, string.Join(',', fields)));
        }

        var fingerprint = "sync-roster-" + XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(source.Name + "\u001f" + file.Kind)).ToString("x16", CultureInfo.InvariantCulture);
        var summary = await importer.StoreAsync(file, rows, [], fingerprint, $"{source.Name} roster ({RosterFile.Describe(file.Kind)})", line, cancellationToken);
        Log.RosterSynced(logger, source.Name, file.Kind, summary.RowsRead, summary.Added, summary.Changed, summary.Quarantined);
        return summary;
    }

    /// <summary>A database value as a roster file would spell it: dates as yyyy-MM-dd, numbers invariant.</summary>
    private static string AsText(object value) => value switch
    {
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
