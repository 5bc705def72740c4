using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Analytics.Import;
using Dapper;

namespace Analytics.Storage;

/// <summary>
/// Import runs and the quarantine of rows that could not be read. A run names the process that owns it and that
/// process keeps a heartbeat on it, so a run a killed process left open is marked "interrupted" at the next import
/// (immediately when the owner was on this machine, after <see cref="StaleAfter"/> of silence when it was on
/// another), never while its process still works on it; the rerun of the same file names the run it replaces.
/// </summary>
public sealed class ImportLedger(IDbConnectionFactory connections, TimeProvider time) : IDisposable
{
    /// <summary>The outcome of a completed run.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The outcome of a run whose process stopped before it ended.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>How often a running import says it is alive.</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(20);

    /// <summary>How long a run on another machine may be silent before it counts as interrupted: three missed heartbeats.</summary>
    public static readonly TimeSpan StaleAfter = HeartbeatInterval * 4.5;

    private static readonly string[] QuarantineKeys = ["file_fingerprint", "line", "field"];
    private static readonly string[] QuarantineColumns = ["file_fingerprint", "line", "field", "file_name", "raw_value", "reason", "quarantined_at"];

    private readonly ConcurrentDictionary<long, ITimer> _heartbeats = new();

    private SqlDialect Dialect => connections.Dialect;

    public async Task<long> StartRunAsync(string fileName, string fingerprint, string profile, CancellationToken cancellationToken)
    {
        await MarkInterruptedAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var replaces = (await connection.QueryAsync<long>(new CommandDefinition(
            $"""
            SELECT r.id FROM {Dialect.Table("import_runs")} r
            WHERE r.outcome = '{Interrupted}' AND r.file_fingerprint = @fingerprint AND r.profile = @profile
              AND NOT EXISTS (SELECT 1 FROM {Dialect.Table("import_runs")} x WHERE x.replaces_run_id = r.id)
            ORDER BY r.id DESC
            """,
            new { fingerprint, profile },
            cancellationToken: cancellationToken))).Cast<long?>().FirstOrDefault();
        var returning = Dialect.Provider == StoreProvider.SqlServer ? "OUTPUT INSERTED.id" : string.Empty;
        var suffix = Dialect.Provider == StoreProvider.SqlServer ? string.Empty : "RETURNING id";
        var now = Dialect.ToDb(time.GetUtcNow());
        var runId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
            INSERT INTO {Dialect.Table("import_runs")} (file_name, file_fingerprint, profile, started_at, owner, heartbeat_at, replaces_run_id)
            {returning}
            VALUES (@fileName, @fingerprint, @profile, @startedAt, @owner, @startedAt, @replaces)
            {suffix}
            """,
            new { fileName, fingerprint, profile, startedAt = now, owner = ImportRunOwner.Current.ToString(), replaces },
            cancellationToken: cancellationToken));
        _heartbeats[runId] = time.CreateTimer(_ => _ = BeatAsync(runId), null, HeartbeatInterval, HeartbeatInterval);
        return runId;
    }

    /// <summary>
    /// Marks the open runs whose process is gone as interrupted: a process on this machine that no longer runs
    /// (or is another process under a reused id), or a run on another machine silent for <see cref="StaleAfter"/>.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        var open = new List<(long Id, string? Owner, DateTimeOffset? Heartbeat, DateTimeOffset Started)>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT id, owner, heartbeat_at, started_at FROM {Dialect.Table("import_runs")} WHERE finished_at IS NULL AND outcome IS NULL",
            cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                open.Add((
                    Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    Dialect.ReadNullableInstant(reader, 2),
                    Dialect.ReadInstant(reader, 3)));
            }
        }

        var marked = 0;
        foreach (var run in open.Where(r => !ImportRunOwner.IsAlive(r.Owner, r.Heartbeat ?? r.Started, now, StaleAfter)))
        {
            marked += await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE {Dialect.Table("import_runs")} SET outcome = '{Interrupted}' WHERE id = @id AND finished_at IS NULL AND outcome IS NULL",
                new { id = run.Id },
                cancellationToken: cancellationToken));
        }

        return marked;
    }

    /// <summary>One import run as recorded; <see cref="Outcome"/> null while it runs.</summary>
    public async Task<IReadOnlyList<ImportRun>> GetRunsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT id, file_name, profile, started_at, finished_at, outcome, owner, replaces_run_id FROM {Dialect.Table("import_runs")} ORDER BY id",
            cancellationToken: cancellationToken));
        var runs = new List<ImportRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(new ImportRun(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                reader.GetString(1),
                reader.GetString(2),
                Dialect.ReadInstant(reader, 3),
                Dialect.ReadNullableInstant(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture)));
        }

        return runs;
    }

    private async Task BeatAsync(long runId)
    {
        try
        {
            await using var connection = await connections.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE {Dialect.Table("import_runs")} SET heartbeat_at = @now WHERE id = @runId AND finished_at IS NULL",
                new { runId, now = Dialect.ToDb(time.GetUtcNow()) }));
        }
        catch (DbException)
        {
            // The import itself reports a store that went away; a missed beat only matters after three in a row.
        }
    }

    private void StopHeartbeat(long runId)
    {
        if (_heartbeats.TryRemove(runId, out var timer))
        {
            timer.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var runId in _heartbeats.Keys)
        {
            StopHeartbeat(runId);
        }
    }

    public async Task FinishRunAsync(long runId, ImportSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        StopHeartbeat(runId);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Dialect.Table("import_runs")}
            SET finished_at = @finishedAt, rows_read = @read, inserted = @inserted, updated = @updated,
                unchanged = @unchanged, quarantined = @quarantined, outcome = '{Succeeded}'
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

/// <summary>One recorded import run; <see cref="ReplacesRunId"/> is the interrupted run of the same file this one does again.</summary>
public sealed record ImportRun(long Id, string FileName, string Profile, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Outcome, string? Owner, long? ReplacesRunId);
