namespace Analytics.Storage;

/// <summary>
/// The rows of one query, forward only, for passes that stream a whole history: a million rows make
/// the provider's cost per column read the pass's main cost, so an engine may read them its own way
/// (see <see cref="SqlDialect.StreamRowsAsync"/>). Columns are read by ordinal.
/// </summary>
internal abstract class RowStream : IAsyncDisposable
{
    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>A 32-bit integer column (providers such as SqlClient will not widen or narrow); check <see cref="IsNull"/> first where it can be NULL.</summary>
    public abstract int GetInt32(int ordinal);

    /// <summary>A 64-bit integer column; check <see cref="IsNull"/> first where the column can be NULL (engines differ on what NULL reads as).</summary>
    public abstract long GetInt64(int ordinal);

    public abstract bool IsNull(int ordinal);

    /// <summary>
    /// A text column holding one of a modest set of values (team and agent names): equal values may come
    /// back as one shared string instead of a new one per row. Check <see cref="IsNull"/> first where the column can be NULL.
    /// </summary>
    public abstract string GetName(int ordinal);

    public abstract ValueTask DisposeAsync();
}
