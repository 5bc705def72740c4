using System.Data.Common;

namespace Analytics.Storage;

/// <summary>Rows through the provider's own data reader: what every engine without a faster way uses.</summary>
internal sealed class DbRowStream(DbDataReader reader) : RowStream
{
    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => new(reader.ReadAsync(cancellationToken));

    public override int GetInt32(int ordinal) => reader.GetInt32(ordinal);

    public override long GetInt64(int ordinal) => reader.GetInt64(ordinal);

    public override bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

    public override string GetName(int ordinal) => reader.GetString(ordinal);

    public override ValueTask DisposeAsync() => reader.DisposeAsync();
}
