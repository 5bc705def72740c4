using System.Globalization;
using Analytics.Import;
using Dapper;

namespace Analytics.Storage;

/// <summary>Import runs and the quarantine of rows that could not be read.</summary>
public sealed class ImportLedger(IDbConnectionFactory connections, TimeProvider time)
{
    private static readonly string[] QuarantineKeys = ["file_fingerprint", "line", "field"];
    private static readonly string[] QuarantineColumns = ["file_fingerprint", "line", "field", "file_name", "raw_value", "reason", "quarantined_at"];

    private SqlDialect Dialect => connections.Dialect;

    public async Task<long> StartRunAsync(string fileName, string fingerprint, string profile, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var returning = Dialect.Provider == StoreProvider.SqlServer ? "OUTPUT INSERTED.id" : string.Empty;
        var suffix = Dialect.Provider == StoreProvider.SqlServer ? string.Empty : "RETURNING id";
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            INSERT INTO {Dialect.Table("import_runs")} (file_name, file_fingerprint, profile, started_at)
            {returning}
            VALUES (@fileName, @fingerprint, @profile, @startedAt)
            {suffix}
            """,
            new { fileName, fingerprint, profile, startedAt = Dialect.ToDb(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
    }

    public async Task FinishRunAsync(long runId, ImportSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Dialect.Table("import_runs")}
            SET finished_at = @finishedAt, rows_read = @read, inserted = @inserted, updated = @updated,
                unchanged = @unchanged, quarantined = @quarantined
            WHERE id = @runId
            """,
            new
            {
                runId,
                finishedAt = Dialect.ToDb(time.GetUtcNow()),
                read = summary.RowsRead,
                inserted = summary.Inserted,
                updated = summary.Updated,
                unchanged = summary.Unchanged,
                quarantined = summary.Quarantined,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Stores quarantined rows; the same file, line and field stored again replaces the earlier entry.</summary>
    public async Task QuarantineAsync(IReadOnlyCollection<QuarantinedRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var sql = Dialect.Upsert("quarantine", QuarantineKeys, QuarantineColumns);
        var now = Dialect.ToDb(time.GetUtcNow());
        foreach (var row in rows)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                file_fingerprint = row.FileFingerprint,
                line = row.Line,
                field = row.Field,
                file_name = row.FileName,
                raw_value = row.RawValue,
                reason = row.Reason,
                quarantined_at = now,
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QuarantinedRow>> GetQuarantineAsync(string? fileFingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT file_fingerprint, file_name, line, field, raw_value, reason
            FROM {Dialect.Table("quarantine")}
            WHERE @fingerprint IS NULL OR file_fingerprint = @fingerprint
            ORDER BY file_name, line, field
            """,
            new { fingerprint = fileFingerprint },
            cancellationToken: cancellationToken));
        var rows = new List<QuarantinedRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new QuarantinedRow(
                reader.GetString(0),
                reader.GetString(1),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5)));
        }

        return rows;
    }
}
