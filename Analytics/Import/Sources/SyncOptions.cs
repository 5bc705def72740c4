using Analytics.Import.Api;
using Analytics.Storage;

namespace Analytics.Import.Sources;

/// <summary>Which ticketing databases the worker pulls history from, and how. Section "Sync".</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>The ticketing databases to sync from. Default: none (the worker then only reports on what was imported).</summary>
    public List<TicketSourceOptions> Sources { get; set; } = [];

    /// <summary>
    /// How far before the watermark each run starts reading again. Default 10 minutes: covers a source
    /// whose updated_at is set when a transaction starts but that commits later, and clocks that differ.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How far a source's clock may run ahead of the worker's. The watermark never moves past now plus this;
    /// a row whose updated_at is later is quarantined (it is read again, and synced, once its time has come).
    /// Default 5 minutes; at most a day.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tickets per store transaction; the watermark moves after each committed batch. Default 1000.</summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>Attempts per source and run when the source or the store fails. Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Wait after the first failed attempt; doubled after each further one. Default 10 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait between attempts. Default 5 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest time the source query may run before it counts as a failure. Default 10 minutes.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>One ticketing database: a connection plus a query file that returns canonical columns.</summary>
public sealed class TicketSourceOptions
{
    /// <summary>Stored as the tickets' source ("servicenow-prod"); also the key of the watermark. Required.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>
    /// What the source is: a database (Sqlite, Postgres, SqlServer), read with <see cref="QueryFile"/>, or a
    /// ticketing system's API (TOPdesk, ServiceNow, Jira, Zendesk), read with <see cref="Api"/>. Default: Postgres.
    /// </summary>
    public SourceProvider Provider { get; set; } = SourceProvider.Postgres;

    /// <summary>ADO.NET connection string of the source database (a read-only account is enough). Required for a database.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The query file (see sql/sources/); relative paths are relative to the working directory. Required for a database.</summary>
    public string QueryFile { get; set; } = string.Empty;

    /// <summary>Where and how to reach an API source. Required for TOPdesk, ServiceNow, Jira and Zendesk.</summary>
    public ApiSourceOptions Api { get; set; } = new();

    /// <summary>
    /// An optional query file that returns the roster (the columns of a roster file, usually the agents
    /// file's: name, team, contract hours, start and end date...; see docs/roster.md). Run after the
    /// tickets, every sync. Default: none (the roster is loaded with <c>roster import</c> or inferred).
    /// </summary>
    public string? RosterQueryFile { get; set; }

    /// <summary>Time zone of source times that carry no offset (timestamp without time zone, datetime2). Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Layout of times the query returns as text without an offset, as the import's --date-format names it
    /// (iso, d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy, yyyy/MM/dd, M/d/yyyy or a .NET format). ISO 8601 is always read.
    /// Default d/M/yyyy: "03/04/2026" is 3 April, as in a CSV export whose dates are all ambiguous.
    /// </summary>
    public string DateFormat { get; set; } = "d/M/yyyy";

    /// <summary>A disabled source keeps its watermark and is skipped. Default true.</summary>
    public bool Enabled { get; set; } = true;
}
