using Analytics.Import;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Import.Profiles;

/// <summary>Checks shared by the profile tests: exact UTC instants, summary counts, idempotent reruns.</summary>
internal static class ImportAssert
{
    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    public static void Counts(ImportSummary summary, long read, long inserted, long updated = 0, long unchanged = 0, long quarantined = 0)
    {
        Assert.Equal(read, summary.RowsRead);
        Assert.Equal(inserted, summary.Inserted);
        Assert.Equal(updated, summary.Updated);
        Assert.Equal(unchanged, summary.Unchanged);
        Assert.Equal(quarantined, summary.Quarantined);
    }

    public static async Task<Ticket> TicketAsync(SqliteTestStore store, string source, string ticketId)
    {
        var ticket = await store.Tickets.GetAsync(source, ticketId, CancellationToken.None);
        Assert.NotNull(ticket);
        return ticket;
    }
}
