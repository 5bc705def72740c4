using System.ComponentModel.DataAnnotations;

namespace Analytics.Storage;

/// <summary>Where the canonical ticket store lives. Section "Store".</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>Database engine. Default: SQLite, embedded, nothing to install.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>ADO.NET connection string. Default: a SQLite file in the working directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Store:ConnectionString is required.")]
    public string ConnectionString { get; set; } = "Data Source=analytics.db";

    /// <summary>Rows per transaction when writing tickets. Larger batches are faster; smaller ones lose less on a crash.</summary>
    [Range(1, 100_000, ErrorMessage = "Store:BatchSize must be between 1 and 100000.")]
    public int BatchSize { get; set; } = 2_000;
}
