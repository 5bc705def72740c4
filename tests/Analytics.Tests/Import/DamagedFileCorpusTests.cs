using System.Text;
using Analytics.Import;
using Analytics.Tests.Support;

namespace Analytics.Tests.Import;

/// <summary>
/// One damaged file per kind of damage. Each holds good rows around the damage; the test asserts that the
/// damage is quarantined at the right line and field, every good row is kept, and nothing crashes.
/// </summary>
public sealed class DamagedFileCorpusTests
{
    private const string Header = "number,opened_at,resolved_at,closed_at,short_description,assignment_group,assigned_to,reopen_count,reassignment_count,made_sla,time_worked,sys_updated_on";

    private static string Good(string id) =>
        $"{id},2026-03-02 09:00:00,2026-03-02 10:00:00,,Laptop,Workplace,Jan de Vries,0,0,true,600,2026-03-02 10:00:00";

    private static string With(string id, string field, string value)
    {
        var names = Header.Split(',');
        var values = Good(id).Split(',');
        values[Array.IndexOf(names, field)] = value;
        return string.Join(',', values);
    }

    /// <summary>A file: good rows G1 and G2 (lines 2-3), the damage from line 4, then good row G3.</summary>
    private static byte[] Around(string damage, string newline = "\n") =>
        Encoding.UTF8.GetBytes(string.Join(newline, Header, Good("G1"), Good("G2"), damage, Good("G3")) + newline);

    public static TheoryData<string> Cases => new(Corpus.Keys.Order(StringComparer.Ordinal));

    /// <summary>Also run, with the new kinds, through SQLite and PostgreSQL by <see cref="HostileCorpusTests"/>.</summary>
    internal static readonly Dictionary<string, DamageCase> Corpus = new()
    {
        ["bad-date"] = Row(With("D1", "opened_at", "2026-13-45 09:00:00"), "opened_at"),
        ["impossible-day"] = Row(With("D1", "opened_at", "31/2/2026 9:00"), "opened_at"),
        ["text-in-date"] = Row(With("D1", "resolved_at", "yesterday"), "resolved_at"),
        ["resolved-before-opened"] = Row(With("D1", "resolved_at", "2026-03-01 08:00:00"), "resolved_at"),
        ["closed-before-opened"] = Row(With("D1", "closed_at", "2026-02-01 08:00:00"), "closed_at"),
        ["missing-key"] = Row(With("D1", "number", ""), "number"),
        ["missing-key-as-NULL"] = Row(With("D1", "number", "NULL"), "number"),
        ["missing-opened"] = Row(With("D1", "opened_at", "N/A"), "opened_at"),
        ["negative-count"] = Row(With("D1", "reassignment_count", "-2"), "reassignment_count"),
        ["text-in-count"] = Row(With("D1", "reopen_count", "twice"), "reopen_count"),
        ["bad-boolean"] = Row(With("D1", "made_sla", "maybe"), "made_sla"),
        ["bad-duration"] = Row(With("D1", "time_worked", "abc"), "time_worked"),
        ["too-few-fields"] = Row("D1,2026-03-02 09:00:00,,", "(row)"),
        ["too-many-fields"] = Row(Good("D1") + ",extra,fields", "(row)"),
        ["stray-delimiter"] = Row(Good("D1").Replace("Laptop", "Lap,top", StringComparison.Ordinal), "(row)"),
        ["trailing-delimiter"] = Row(Good("D1") + ",", "(row)"),
        ["garbage-line"] = Row("this is not a csv row at all", "(row)"),
        ["whitespace-row"] = Row("  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  ", "number"),
        ["duplicate-key-conflicting"] = new(Around(With("G1", "assignment_group", "Applications")), [(4, "number")], ["G1", "G2", "G3"]),
        ["unbalanced-quote"] = Row(With("D1", "short_description", "\"Laptop broken"), "(row)"),
        ["unbalanced-quote-last-row"] = new(
            Encoding.UTF8.GetBytes(string.Join('\n', Header, Good("G1"), Good("G2"), Good("G3"), With("D1", "short_description", "\"never closed")) + "\n"),
            [(5, "(row)")], ["G1", "G2", "G3"]),
        ["quote-then-text"] = Row(With("D1", "short_description", "\"Lap\"top\" x"), "(row)"),
        ["invalid-utf8"] = new(Concat(Header + "\n" + Good("G1") + "\n" + With("G2", "short_description", "Één scherm") + "\nD1,2026-03-02 09:00:00,,,Lap", [0xC3, 0x28, 0xFF], ",Workplace,Jan,0,0,true,600,2026-03-02 10:00:00\n" + Good("G3") + "\n"), [(4, "short_description")], ["G1", "G2", "G3"]),
        ["one-megabyte-field"] = Row(With("D1", "short_description", new string('x', 1024 * 1024)), "short_description"),
        ["nul-bytes-in-key"] = Row(With("D1", "number", "D\0\0\01"), "number"),
        ["formula-injection"] = Stored(With("D1", "short_description", "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), "D1", "=HYPERLINK(\"http://evil.example\",\"click\")"),
        ["sql-injection"] = Stored(With("D1", "short_description", "'; DROP TABLE tickets; --"), "D1", "'; DROP TABLE tickets; --"),
        ["script-tag"] = Stored(With("D1", "short_description", "<script>alert(1)</script>"), "D1", "<script>alert(1)</script>"),
        ["control-characters"] = Stored(With("D1", "short_description", "bell\u0007 and escape\u001b[31m"), "D1", "bell\u0007 and escape\u001b[31m"),
        ["right-to-left-and-emoji"] = Stored(With("D1", "short_description", "שלום 👋 مرحبا"), "D1", "שלום 👋 مرحبا"),
        ["multi-line-quoted-field"] = Stored(With("D1", "short_description", "\"first line\nsecond line\""), "D1", "first line\nsecond line"),
        ["identical-duplicate-row"] = new(Around(Good("G1")), [], ["G1", "G2", "G3"]),
        ["blank-lines"] = new(Encoding.UTF8.GetBytes(string.Join('\n', Header, Good("G1"), "", Good("G2"), "", "", With("D1", "opened_at", "bad"), Good("G3")) + "\n"), [(7, "opened_at")], ["G1", "G2", "G3"]),
        ["crlf-line-endings"] = new(Around(With("D1", "opened_at", "bad"), "\r\n"), [(4, "opened_at")], ["G1", "G2", "G3"]),
        ["nul-in-title"] = Row(With("D1", "short_description", "Lap\0top"), "short_description"),
    };

    [Fact]
    public void Corpus_HasAtLeastThirtyKindsOfDamage() => Assert.True(Corpus.Count >= 30, $"only {Corpus.Count} kinds");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task DamagedFile_QuarantinesDamage_KeepsEveryGoodRow(string name)
    {
        var damage = Corpus[name];
        using var store = new SqliteTestStore();
        var path = store.WriteBytes(name + ".csv", damage.Content);

        var summary = await store.ImportAsync(path, "servicenow", timeZone: "UTC");

        var quarantine = await store.Ledger.GetQuarantineAsync(null, CancellationToken.None);
        Assert.Equal(damage.Expected.Select(e => e.Line).Distinct().Count(), summary.Quarantined);
        foreach (var (line, field) in damage.Expected)
        {
            Assert.Contains(quarantine, q => q.Line == line && (field is null || q.Field == field) && q.FileName == name + ".csv" && q.Reason.Length > 0);
        }

        Assert.All(quarantine, q => Assert.Contains(damage.Expected, e => e.Line == q.Line));
        foreach (var id in damage.GoodIds)
        {
            Assert.NotNull(await store.Tickets.GetAsync("servicenow", id, CancellationToken.None));
        }

        if (damage.StoredTitle is { } title)
        {
            Assert.Equal(title, (await store.Tickets.GetAsync("servicenow", damage.StoredId!, CancellationToken.None))!.Title);
        }

        // A rerun is idempotent: same quarantine, nothing new written.
        var again = await store.ImportAsync(path, "servicenow", timeZone: "UTC");
        Assert.Equal(0, again.Inserted + again.Updated);
        Assert.Equal(quarantine.Count, (await store.Ledger.GetQuarantineAsync(null, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task TimeInDaylightSavingGap_IsReadAsTheInstantAfterTheGap()
    {
        using var store = new SqliteTestStore();
        var path = store.WriteFile("dst.csv", string.Join('\n', Header,
            With("D1", "opened_at", "2026-03-29 02:30:00").Replace("2026-03-02 10:00:00,", ",", StringComparison.Ordinal),
            With("D2", "opened_at", "2026-10-25 02:30:00").Replace("2026-03-02 10:00:00,", ",", StringComparison.Ordinal)) + "\n");

        var summary = await store.ImportAsync(path, "servicenow", timeZone: "Europe/Amsterdam");

        Assert.Equal(2, summary.Inserted);
        // 02:30 does not exist on 29 March in Amsterdam: read as 03:30 CEST.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), (await store.Tickets.GetAsync("servicenow", "D1", CancellationToken.None))!.OpenedAt);
        // 02:30 happens twice on 25 October: the first, summer-time one is taken.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), (await store.Tickets.GetAsync("servicenow", "D2", CancellationToken.None))!.OpenedAt);
    }

    [Fact]
    public async Task EmptyFile_IsRejectedWithClearMessage()
    {
        using var store = new SqliteTestStore();
        var path = store.WriteBytes("empty.csv", []);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => store.ImportAsync(path, "servicenow"));

        Assert.Contains("empty.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderOnly_ImportsNothing_AndSaysSo()
    {
        using var store = new SqliteTestStore();
        var path = store.WriteFile("header-only.csv", Header + "\n");

        var summary = await store.ImportAsync(path, "servicenow");

        Assert.Equal(0, summary.RowsRead);
        Assert.Equal(0, summary.Good);
    }

    [Fact]
    public async Task MissingKeyColumn_IsRejectedNamingTheColumn()
    {
        using var store = new SqliteTestStore();
        var path = store.WriteFile("no-number.csv", "id,opened_at\n1,2026-03-02 09:00:00\n");

        var error = await Assert.ThrowsAsync<ImportFileException>(() => store.ImportAsync(path, "servicenow"));

        Assert.Contains("'number'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no-number.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryGarbage_IsRejectedAsFile()
    {
        using var store = new SqliteTestStore();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var path = store.WriteBytes("garbage.bin", bytes);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => store.ImportAsync(path, "servicenow"));

        Assert.Contains("garbage.bin", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public async Task OtherDelimiters_AreDetected(char delimiter)
    {
        using var store = new SqliteTestStore();
        var text = string.Join('\n', Header, Good("G1"), Good("G2")).Replace(',', delimiter) + "\n";
        var path = store.WriteFile("delimited.csv", text);

        var summary = await store.ImportAsync(path, "servicenow");

        Assert.Equal(2, summary.Inserted);
    }

    [Fact]
    public async Task Windows1252File_IsDecoded()
    {
        using var store = new SqliteTestStore();
        var text = string.Join('\n', Header, With("G1", "short_description", "Café printer: “paper jam” – €5"), Good("G2")) + "\n";
        var path = store.WriteBytes("cp1252.csv", FileSniffer.Windows1252.GetBytes(text));

        var summary = await store.ImportAsync(path, "servicenow");

        Assert.Equal(2, summary.Inserted);
        Assert.Equal("Café printer: “paper jam” – €5", (await store.Tickets.GetAsync("servicenow", "G1", CancellationToken.None))!.Title);
    }

    [Fact]
    public async Task Utf8WithBom_IsRead()
    {
        using var store = new SqliteTestStore();
        var path = store.WriteFile("bom.csv", string.Join('\n', Header, With("G1", "short_description", "Één scherm"), Good("G2")) + "\n", new UTF8Encoding(true));

        var summary = await store.ImportAsync(path, "servicenow");

        Assert.Equal(2, summary.Inserted);
        Assert.Equal("Één scherm", (await store.Tickets.GetAsync("servicenow", "G1", CancellationToken.None))!.Title);
    }

    private static DamageCase Row(string damage, string? field) => new(Around(damage), [(4, field)], ["G1", "G2", "G3"]);

    private static DamageCase Stored(string damage, string id, string title) =>
        new(Around(damage), [], ["G1", "G2", "G3", id]) { StoredId = id, StoredTitle = title };

    private static byte[] Concat(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    internal sealed record DamageCase(byte[] Content, (long Line, string? Field)[] Expected, string[] GoodIds)
    {
        public string? StoredId { get; init; }

        public string? StoredTitle { get; init; }
    }
}
