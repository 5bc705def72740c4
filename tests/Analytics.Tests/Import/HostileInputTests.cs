using System.Text;
using Analytics.Import;
using Analytics.Quality;
using Analytics.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Import;

/// <summary>
/// The faults issue 14 found in the import, one test each: placeholder dates, times in the future, encodings
/// that only show late in the file, a 20 MB field, escape codes echoed to the terminal.
/// </summary>
public sealed class HostileInputTests
{
    private const string Header = "number,opened_at,resolved_at,closed_at,short_description,assignment_group,assigned_to,reopen_count,reassignment_count,made_sla,time_worked,sys_updated_on";

    private static string Good(string id, string opened = "2026-03-02 09:00:00", string title = "Laptop") =>
        $"{id},{opened},2026-03-02 10:00:00,,{title},Workplace,Jan de Vries,0,0,true,600,2026-03-02 10:00:00";

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    [Theory]
    [InlineData("Europe/Amsterdam")]
    [InlineData("America/New_York")]
    [InlineData("UTC")]
    public async Task Import_PlaceholderDates_AreQuarantinedFields_AndEveryGoodRowIsKept(string zone)
    {
        using var store = new SqliteTestStore();
        var path = store.WriteFile("placeholders.csv", Csv(
            Good("G1"),
            Good("D1", opened: "9999-12-31 23:59:59"),
            Good("G2"),
            Good("D2", opened: "0001-01-01 00:00:00"),
            Good("D3").Replace(",2026-03-02 10:00:00,,", ",9999-12-31,,", StringComparison.Ordinal),
            Good("G3")));

        var summary = await store.ImportAsync(path, "servicenow", timeZone: zone);

        Assert.Equal((3L, 3L), (summary.Inserted, summary.Quarantined));
        var quarantine = await store.Ledger.GetQuarantineAsync(null, CancellationToken.None);
        Assert.Equal([(3L, "opened_at"), (5L, "opened_at"), (6L, "resolved_at")], quarantine.Select(q => (q.Line, q.Field)).Order());
        Assert.All(quarantine, q => Assert.Contains("1900-2999", q.Reason, StringComparison.Ordinal));
        Assert.Contains(quarantine, q => q.RawValue == "9999-12-31 23:59:59");
    }

    [Theory]
    [InlineData("9999-12-31 23:59:59", "America/New_York")]
    [InlineData("9999-12-31 23:59:59", "Europe/Amsterdam")]
    [InlineData("0001-01-01 00:00:00", "Europe/Amsterdam")]
    [InlineData("9999-12-31T23:00:00-05:00", "UTC")]
    public void UnrepresentableTimes_AreNoDates_NotExceptions(string text, string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);

        Assert.False(FieldParser.TryInstant(text, DateFormat.Iso, tz, out _, out var problem));
        Assert.Equal(FieldParser.DateOutOfRange, problem);
    }

    [Fact]
    public void LocalTime_AtTheCalendarsEnds_SaysSoInsteadOfThrowing()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

        Assert.False(LocalTime.TryToUtc(DateTime.MaxValue, newYork, out _));
        Assert.False(LocalTime.TryToUtc(DateTime.MinValue, amsterdam, out _));
        Assert.True(LocalTime.TryToUtc(DateTime.MaxValue, amsterdam, out var utc));
        Assert.Equal(DateTime.MaxValue.AddHours(-1), utc.UtcDateTime);
    }

    [Fact]
    public async Task Import_TimesMoreThanADayAhead_AreQuarantinedByDefault_NamingFieldAndTime()
    {
        using var store = new SqliteTestStore();
        var now = new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero);
        var importer = Importer(store, FutureTimes.Quarantine, now);
        var path = store.WriteFile("future.csv", Csv(
            Good("G1"),
            Good("F1", opened: "2027-03-02 09:00:00").Replace("2026-03-02 10:00:00", "2027-03-02 10:00:00", StringComparison.Ordinal),
            Good("G2", opened: "2026-03-06 09:00:00").Replace("2026-03-02 10:00:00", "2026-03-06 10:00:00", StringComparison.Ordinal)));

        var summary = await importer.ImportAsync(path, new ImportOptions { Profile = "servicenow", TimeZone = "UTC" }, null, CancellationToken.None);

        // G2 lies less than a day ahead: a clock difference, kept.
        Assert.Equal((2L, 1L, 0L), (summary.Inserted, summary.Quarantined, summary.FutureKept));
        var rows = await store.Ledger.GetQuarantineAsync(null, CancellationToken.None);
        Assert.Contains(rows, q => q.Line == 3 && q.Field == "opened_at" && q.Reason.Contains("more than a day in the future", StringComparison.Ordinal) && q.Reason.Contains("Import:FutureTimes", StringComparison.Ordinal));
        Assert.Null(await store.Tickets.GetAsync("servicenow", "F1", CancellationToken.None));
    }

    [Fact]
    public async Task Import_TimesAhead_WithFutureTimesKeep_AreStoredAndCounted_AndNeverMoveDataAsOf()
    {
        using var store = new SqliteTestStore();
        var now = new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero);
        var importer = Importer(store, FutureTimes.Keep, now);
        var path = store.WriteFile("future.csv", Csv(
            Good("G1"),
            Good("F1", opened: "2027-03-02 09:00:00").Replace("2026-03-02 10:00:00", "2027-03-02 10:00:00", StringComparison.Ordinal)));

        var summary = await importer.ImportAsync(path, new ImportOptions { Profile = "servicenow", TimeZone = "UTC" }, null, CancellationToken.None);

        Assert.Equal((2L, 0L, 1L), (summary.Inserted, summary.Quarantined, summary.FutureKept));
        var clock = new FakeTimeProvider(now);
        var quality = await new DataQualityCalculator(store.Connections, clock, clock)
            .ComputeAsync(null, now.AddDays(-7), now, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero), quality.DataAsOf);
    }

    [Fact]
    public void ImportSettings_UndefinedFutureTimes_FailsValidationNamingTheSetting()
    {
        var result = new ImportSettingsValidator().Validate(null, new ImportSettings { FutureTimes = (FutureTimes)7 });

        Assert.True(result.Failed);
        Assert.Contains("Import:FutureTimes", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new ImportSettingsValidator().Validate(null, new ImportSettings()).Succeeded);
    }

    [Fact]
    public async Task Windows1252_WhoseAccentsStartAfter64KB_IsReadAsWindows1252()
    {
        using var store = new SqliteTestStore();
        var rows = Enumerable.Range(1, 800).Select(i => Good($"A{i}")).ToList();
        rows.Add(Good("W1", title: "Café – “paper jam”"));
        var bytes = FileSniffer.Windows1252.GetBytes(Csv([.. rows]));
        Assert.True(Array.IndexOf(bytes, (byte)0xE9) > 64 * 1024);
        var path = store.WriteBytes("late-1252.csv", bytes);

        var summary = await store.ImportAsync(path, "servicenow", timeZone: "UTC");

        Assert.Equal((801L, 0L), (summary.Inserted, summary.Quarantined));
        Assert.Equal("Café – “paper jam”", (await store.Tickets.GetAsync("servicenow", "W1", CancellationToken.None))!.Title);
        Assert.Contains(summary.Notes, n => n.Contains("Windows-1252", StringComparison.Ordinal) && n.Contains("line 802", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Utf8_WithADamagedByteEarly_AndAccentsLate_StaysUtf8_QuarantiningTheDamageWithAHint()
    {
        using var store = new SqliteTestStore();
        var before = Encoding.UTF8.GetBytes(Header + "\n" + Good("G1") + "\nD1,2026-03-02 09:00:00,,,Lap");
        var after = Encoding.UTF8.GetBytes(",Workplace,Jan,0,0,true,600,2026-03-02 10:00:00\n"
            + string.Join('\n', Enumerable.Range(1, 800).Select(i => Good($"A{i}"))) + "\n" + Good("U1", title: "Één scherm") + "\n");
        var path = store.WriteBytes("late-utf8.csv", [.. before, 0xE9, .. after]);

        var summary = await store.ImportAsync(path, "servicenow", timeZone: "UTC");

        Assert.Equal((802L, 1L), (summary.Inserted, summary.Quarantined));
        Assert.Equal("Één scherm", (await store.Tickets.GetAsync("servicenow", "U1", CancellationToken.None))!.Title);
        var damaged = Assert.Single(await store.Ledger.GetQuarantineAsync(null, CancellationToken.None));
        Assert.Equal((3L, "short_description"), (damaged.Line, damaged.Field));
        Assert.Contains("--encoding windows-1252", damaged.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16_WithAndWithoutByteOrderMark_IsRead()
    {
        using var store = new SqliteTestStore();
        var text = Csv(Good("G1", title: "Één scherm"), Good("G2"));
        var withBom = store.WriteBytes("utf16-bom.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);
        var without = store.WriteBytes("utf16.csv", Encoding.Unicode.GetBytes(text.Replace("G1", "H1", StringComparison.Ordinal).Replace("G2", "H2", StringComparison.Ordinal)));

        var first = await store.ImportAsync(withBom, "servicenow", timeZone: "UTC");
        var second = await store.ImportAsync(without, "servicenow", timeZone: "UTC");

        Assert.Equal((2L, 0L), (first.Inserted, first.Quarantined));
        Assert.Equal((2L, 0L), (second.Inserted, second.Quarantined));
        Assert.Equal("Één scherm", (await store.Tickets.GetAsync("servicenow", "H1", CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task TwentyMegabyteQuotedField_IsQuarantinedOnce_AndLaterRowsKeepTheirLineNumbers()
    {
        using var store = new SqliteTestStore();
        var huge = "\"" + new string('x', 20 * 1024 * 1024) + "\"";
        var path = store.WriteFile("huge-field.csv", Csv(
            Good("G1"),
            Good("G2"),
            Good("D1", title: huge),
            Good("G3"),
            Good("D2", opened: "bad"),
            Good("G4")));

        var summary = await store.ImportAsync(path, "servicenow", timeZone: "UTC");

        Assert.Equal((6L, 4L, 2L), (summary.RowsRead, summary.Inserted, summary.Quarantined));
        var quarantine = await store.Ledger.GetQuarantineAsync(null, CancellationToken.None);
        Assert.Equal([(4L, "(row)"), (6L, "opened_at")], quarantine.Select(q => (q.Line, q.Field)).Order());
        Assert.Contains("longer than", quarantine.Single(q => q.Line == 4).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscapeCodesInTheHeader_AreSpelledOut_InTheFileError()
    {
        using var store = new SqliteTestStore();
        var path = store.WriteFile("escape-header.csv", "\u001b[2J\u001b[31mid\u0007,opened_at\u202e\n1,2026-03-02 09:00:00\n");

        var error = await Assert.ThrowsAsync<ImportFileException>(() => store.ImportAsync(path, "servicenow"));

        Assert.DoesNotContain(error.Message, c => char.IsControl(c) || c == '\u202e');
        Assert.Contains("\\x1B[2J\\x1B[31mid\\x07", error.Message, StringComparison.Ordinal);
        Assert.Contains("\\u202E", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscapeCodesInAKey_AreSpelledOut_InTheQuarantineReason_AndTheValueIsStoredAsItIs()
    {
        using var store = new SqliteTestStore();
        var path = store.WriteFile("escape-key.csv", Csv(
            Good("K\u001b[31m1"),
            Good("K\u001b[31m1", title: "Other title")));

        var summary = await store.ImportAsync(path, "servicenow", timeZone: "UTC");

        Assert.Equal((1L, 1L), (summary.Inserted, summary.Quarantined));
        var row = Assert.Single(await store.Ledger.GetQuarantineAsync(null, CancellationToken.None));
        Assert.Contains("K\\x1B[31m1", row.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(row.ToString(), c => char.IsControl(c));
        Assert.NotNull(await store.Tickets.GetAsync("servicenow", "K\u001b[31m1", CancellationToken.None));
    }

    private static CsvImporter Importer(SqliteTestStore store, FutureTimes futureTimes, DateTimeOffset now) => new(
        store.Tickets,
        store.Activity,
        store.Reference,
        store.Ledger,
        new ImportProfiles(),
        new Analytics.Import.EventLog.EventLogImporter(store.Tickets, store.Ledger),
        Microsoft.Extensions.Options.Options.Create(new ImportSettings { FutureTimes = futureTimes }),
        new FakeTimeProvider(now));
}
