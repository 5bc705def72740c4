using System.Globalization;
using Analytics.Storage;
using Dapper;

namespace Analytics.Import.Folders;

/// <summary>An earlier completed import of a file with the same content and profile, as the import ledger recorded it.</summary>
public sealed record EarlierImport(long RunId, string FileName, DateTimeOffset? FinishedAt, ImportSummary Summary);

/// <summary>
/// Asks the import ledger whether a file's content was imported before: the ledger's record is written in the
/// import's own last step, so it is the truth even when the worker died before it could move the file.
/// </summary>
public sealed class ImportedFiles(IDbConnectionFactory connections)
{
    /// <summary>Quarantined rows quoted in a summary rebuilt from the ledger.</summary>
    private const int ProblemsToShow = 20;

    public async Task<EarlierImport?> FindAsync(string fingerprint, string profile, CancellationToken cancellationToken)
    {
        var dialect = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        long runId;
        string fileName;
        DateTimeOffset? finishedAt;
        long[] counts;
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT id, file_name, finished_at, rows_read, inserted, updated, unchanged, quarantined
            FROM {dialect.Table("import_runs")}
            WHERE file_fingerprint = @fingerprint AND profile = @profile AND outcome = '{ImportLedger.Succeeded}'
            ORDER BY id DESC
            """,
            new { fingerprint, profile },
            cancellationToken: cancellationToken)))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            runId = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            fileName = reader.GetString(1);
            finishedAt = dialect.ReadNullableInstant(reader, 2);
            counts = [.. Enumerable.Range(3, 5).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture))];
        }

        var problems = new List<QuarantinedRow>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT file_name, line, field, raw_value, reason FROM {dialect.Table("quarantine")}
            WHERE file_fingerprint = @fingerprint
            ORDER BY line, field
            """,
            new { fingerprint },
            cancellationToken: cancellationToken)))
        {
            while (problems.Count < ProblemsToShow && await reader.ReadAsync(cancellationToken))
            {
                problems.Add(new QuarantinedRow(
                    fingerprint,
                    reader.GetString(0),
                    Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4)));
            }
        }

        var summary = new ImportSummary(fileName, counts[0], counts[1], counts[2], counts[3], counts[4], problems);
        return new EarlierImport(runId, fileName, finishedAt, summary);
    }
}
