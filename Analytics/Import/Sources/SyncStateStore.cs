using Analytics.Storage;
using Dapper;

namespace Analytics.Import.Sources;

/// <summary>The sync_state table: one watermark per source, moved only after the tickets it covers have committed.</summary>
public sealed class SyncStateStore(IDbConnectionFactory connections, TimeProvider time)
{
    private SqlDialect Dialect => connections.Dialect;

    public async Task<SyncState?> GetAsync(string source, CancellationToken cancellationToken)
    {
        var all = await ReadAsync(source, cancellationToken);
        return all.Count == 0 ? null : all[0];
    }

    public Task<IReadOnlyList<SyncState>> GetAllAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    public async Task MarkStartedAsync(string source, CancellationToken cancellationToken)
    {
        await EnsureRowAsync(source, cancellationToken);
        await ExecuteAsync(
            $"UPDATE {Dialect.Table("sync_state")} SET last_started_at = @now WHERE source = @source",
            new { source, now = Dialect.ToDb(time.GetUtcNow()) },
            cancellationToken);
    }

    /// <summary>Moves the watermark forward (never back) and counts the rows the committed batch held.</summary>
    public async Task AdvanceAsync(string source, DateTimeOffset watermark, int rows, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            $"""
            UPDATE {Dialect.Table("sync_state")}
            SET watermark = CASE WHEN watermark IS NULL OR watermark < @watermark THEN @watermark ELSE watermark END,
                rows_synced = rows_synced + @rows
            WHERE source = @source
            """,
            new { source, watermark = Dialect.ToDb(watermark), rows },
            cancellationToken);
    }

    /// <summary>
    /// Moves a watermark that lies beyond <paramref name="limit"/> back to the latest updated_at of the source's
    /// stored tickets not after it (none: the next run reads everything again, which upserts make harmless).
    /// The one way a watermark moves back: for one that a source clock running ahead carried into the future
    /// before the sync refused such rows.
    /// </summary>
    public async Task SetBackAsync(string source, DateTimeOffset limit, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"""
            UPDATE {Dialect.Table("sync_state")}
            SET watermark = (SELECT MAX(t.updated_at) FROM {Dialect.Table("tickets")} t WHERE t.source = @source AND t.updated_at <= @limit)
            WHERE source = @source AND watermark > @limit
            """,
            new { source, limit = Dialect.ToDb(limit) },
            cancellationToken);

    public async Task MarkSucceededAsync(string source, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            $"UPDATE {Dialect.Table("sync_state")} SET last_success_at = @now, last_error = NULL WHERE source = @source",
            new { source, now = Dialect.ToDb(time.GetUtcNow()) },
            cancellationToken);

    public async Task MarkFailedAsync(string source, string error, CancellationToken cancellationToken)
    {
        await EnsureRowAsync(source, cancellationToken);
        await ExecuteAsync(
            $"UPDATE {Dialect.Table("sync_state")} SET last_failure_at = @now, last_error = @error WHERE source = @source",
            new { source, error, now = Dialect.ToDb(time.GetUtcNow()) },
            cancellationToken);
    }

    private async Task EnsureRowAsync(string source, CancellationToken cancellationToken) =>
        await ExecuteAsync(Dialect.InsertIfAbsent("sync_state", ["source"], ["source"]), new { source }, cancellationToken);

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<SyncState>> ReadAsync(string? source, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT source, watermark, last_started_at, last_success_at, last_failure_at, last_error, rows_synced
            FROM {Dialect.Table("sync_state")}
            WHERE @source = '' OR source = @source
            ORDER BY source
            """,
            new { source = source ?? string.Empty },
            cancellationToken: cancellationToken));
        var states = new List<SyncState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(new SyncState(
                reader.GetString(0),
                Dialect.ReadNullableInstant(reader, 1),
                Dialect.ReadNullableInstant(reader, 2),
                Dialect.ReadNullableInstant(reader, 3),
                Dialect.ReadNullableInstant(reader, 4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return states;
    }
}
