using Analytics.Import.Sources;
using Analytics.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Import.Sources;

/// <summary>
/// The same text in a CSV export and in a source database's text column means the same value: the day of
/// "03/04/2026", yes/no words, counts, offsets and missing-value spellings.
/// </summary>
public sealed class SameTextSameValueTests : IDisposable
{
    private readonly SqliteTestStore _store = new();

    // ticket, opened (text), proactive (word), reopen count (text), resolved (text)
    private static readonly (string Id, string Opened, string Proactive, string Reopens, string Resolved)[] Rows =
    [
        ("INC1", "03/04/2026 10:00", "ja", "2", "03/04/2026 11:30"),
        ("INC2", "3/4/2026", "waar", "2.0", "N/A"),
        ("INC3", "2026-04-03 10:00:00+02", "t", "0", "NULL"),
        ("INC4", "2026-04-03T08:00:00Z", "nee", " 1 ", "-"),
        ("INC5", "03/04/2026 10:00:00.750", "f", "3", "2026-04-03T12:00:00+02:00"),
    ];

    [Fact]
    public async Task CsvRowAndDatabaseRow_WithTheSameText_GiveTheSameTicket()
    {
        var csv = _store.WriteFile("export.csv",
            "number,opened_at,sys_updated_on,u_proactive,reopen_count,resolved_at\n" +
            string.Concat(Rows.Select(r => $"{r.Id},{r.Opened},{r.Opened},{r.Proactive},{r.Reopens},{r.Resolved}\n")));
        var imported = await _store.ImportAsync(csv, "servicenow", timeZone: "Europe/Amsterdam");
        var synced = await SyncAsync();

        Assert.Equal((5L, 0L), (imported.Inserted, imported.Quarantined));
        Assert.True(synced.Succeeded, synced.Error);
        Assert.Equal((5L, 0L), (synced.Inserted, synced.Quarantined));
        foreach (var row in Rows)
        {
            var fromCsv = await _store.Tickets.GetAsync("servicenow", row.Id, CancellationToken.None);
            var fromDatabase = await _store.Tickets.GetAsync("legacy", row.Id, CancellationToken.None);
            Assert.NotNull(fromCsv);
            Assert.NotNull(fromDatabase);
            Assert.Equal(
                (fromCsv.OpenedAt, fromCsv.UpdatedAt, fromCsv.Proactive, fromCsv.ReopenCount, fromCsv.ResolvedAt),
                (fromDatabase.OpenedAt, fromDatabase.UpdatedAt, fromDatabase.Proactive, fromDatabase.ReopenCount, fromDatabase.ResolvedAt));
        }

        // "03/04/2026" is 3 April (day-first) on both paths; Amsterdam is UTC+2 then.
        var first = await _store.Tickets.GetAsync("legacy", "INC1", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 8, 0, 0, TimeSpan.Zero), first!.OpenedAt);
        Assert.Equal((true, 2), (first.Proactive, first.ReopenCount));
        var offset = await _store.Tickets.GetAsync("legacy", "INC3", CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 4, 3, 8, 0, 0, TimeSpan.Zero), offset!.OpenedAt);
        Assert.Null(offset.ResolvedAt);
    }

    private async Task<SourceSyncResult> SyncAsync()
    {
        var database = _store.WriteFile("source.db", string.Empty);
        File.Delete(database);
        var connectionString = $"Data Source={database};Pooling=False";
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE tickets (ticket_id TEXT, kind TEXT, opened_at TEXT, updated_at TEXT, proactive TEXT, reopen_count TEXT, resolved_at TEXT)";
            command.ExecuteNonQuery();
            foreach (var row in Rows)
            {
                command.CommandText = "INSERT INTO tickets VALUES ($id, 'incident', $opened, $opened, $proactive, $reopens, $resolved)";
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$id", row.Id);
                command.Parameters.AddWithValue("$opened", row.Opened);
                command.Parameters.AddWithValue("$proactive", row.Proactive);
                command.Parameters.AddWithValue("$reopens", row.Reopens);
                command.Parameters.AddWithValue("$resolved", row.Resolved);
                command.ExecuteNonQuery();
            }
        }

        var query = _store.WriteFile("query.sql", "SELECT * FROM tickets WHERE @since IS NOT NULL ORDER BY ticket_id");
        var source = new TicketSourceOptions
        {
            Name = "legacy",
            Provider = Analytics.Import.Sources.SourceProvider.Sqlite,
            ConnectionString = connectionString,
            QueryFile = query,
            TimeZone = "Europe/Amsterdam",
        };
        var sync = new TicketSync(
            _store.Tickets,
            new SyncStateStore(_store.Connections, _store.Time),
            _store.Ledger,
            Options.Create(new SyncOptions { Sources = [source] }),
            new Analytics.Roster.RosterSync(new Analytics.Roster.RosterImporter(_store.Reference, _store.Ledger), NullLogger<Analytics.Roster.RosterSync>.Instance),
            _store.Time,
            NullLogger<TicketSync>.Instance);
        return await sync.SyncAsync(source, CancellationToken.None);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _store.Dispose();
    }
}
