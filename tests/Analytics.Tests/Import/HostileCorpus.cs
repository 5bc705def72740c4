using System.Text;
using Analytics.Import;

namespace Analytics.Tests.Import;

/// <summary>What importing one hostile file must end in; the CLI maps these to its exit codes (2, 1, 0).</summary>
internal enum ImportOutcome
{
    /// <summary>The file as a whole is refused with a message naming it (ImportFileException; `import` exits 2).</summary>
    FileError,

    /// <summary>Read, but no row could be kept (`import` exits 1).</summary>
    NothingImported,

    /// <summary>Good rows kept, bad rows quarantined (`import` exits 0).</summary>
    Imported,
}

/// <summary>
/// One hostile file: its bytes, what the import must end in, the (line, field) of every quarantined field,
/// the tickets that must be stored, and, for a refused file, words its message must hold.
/// </summary>
internal sealed record HostileFile(byte[] Content, ImportOutcome Outcome, (long Line, string? Field)[] Quarantined, string[] GoodIds)
{
    public string? StoredId { get; init; }

    public string? StoredTitle { get; init; }

    public string? MessageHolds { get; init; }

    public string? ReasonHolds { get; init; }
}

/// <summary>
/// The hostile-input corpus of issue 14: the damaged-file corpus plus placeholder and future dates, encodings
/// (late Windows-1252, invalid UTF-8, BOMs, UTF-16), a 20 MB field, escape codes, empty and header-only files,
/// NUL bytes, mixed line endings, duplicate headers and very long lines. Generated here, never stored.
/// </summary>
internal static class HostileCorpus
{
    public const string Header = "number,opened_at,resolved_at,closed_at,short_description,assignment_group,assigned_to,reopen_count,reassignment_count,made_sla,time_worked,sys_updated_on";

    private static readonly string[] G123 = ["G1", "G2", "G3"];

    public static string Good(string id, string opened = "2026-03-02 09:00:00", string title = "Laptop", string resolved = "2026-03-02 10:00:00", string updated = "2026-03-02 10:00:00") =>
        $"{id},{opened},{resolved},,{title},Workplace,Jan de Vries,0,0,true,600,{updated}";

    /// <summary>Good rows G1 and G2 (lines 2-3), the damage on line 4, good row G3 on line 5.</summary>
    private static string Around(string damage, string header = Header) => string.Join('\n', header, Good("G1"), Good("G2"), damage, Good("G3")) + "\n";

    private static HostileFile Row(string damage, string field, string? reason = null) =>
        new(Encoding.UTF8.GetBytes(Around(damage)), ImportOutcome.Imported, [(4, field)], G123) { ReasonHolds = reason };

    private static HostileFile Fine(byte[] content, string id = "G1", string? title = null) =>
        new(content, ImportOutcome.Imported, [], [.. G123.Append(id).Distinct()]) { StoredId = title is null ? null : id, StoredTitle = title };

    private static HostileFile Refused(byte[] content, string messageHolds) =>
        new(content, ImportOutcome.FileError, [], []) { MessageHolds = messageHolds };

    /// <summary>ASCII rows enough to fill the first 64 KB, so whatever follows is past the old sniffing sample.</summary>
    private static string Filler => string.Join('\n', Enumerable.Range(1, 700).Select(i => Good($"A{i}"))) + "\n";

    public static Dictionary<string, HostileFile> Files()
    {
        var files = DamagedFileCorpusTests.Corpus.ToDictionary(
            c => "damaged-" + c.Key,
            c => new HostileFile(c.Value.Content, ImportOutcome.Imported, c.Value.Expected, c.Value.GoodIds) { StoredId = c.Value.StoredId, StoredTitle = c.Value.StoredTitle });

        var lateIds = Enumerable.Range(1, 700).Select(i => $"A{i}").ToArray();
        files["placeholder-9999"] = Row(Good("D1", opened: "9999-12-31 23:59:59"), "opened_at", "1900-2999");
        files["placeholder-0001"] = Row(Good("D1", opened: "0001-01-01 00:00:00"), "opened_at", "1900-2999");
        files["placeholder-date-only"] = Row(Good("D1", resolved: "9999-12-31"), "resolved_at", "1900-2999");
        files["future-dates"] = Row(Good("D1", opened: "2099-03-02 09:00:00", resolved: "2099-03-02 10:00:00", updated: "2099-03-02 10:00:00"), "opened_at", "more than a day in the future");
        files["excel-serial-date"] = Row(Good("D1", opened: "45000"), "opened_at", "not a date");
        files["late-windows-1252"] = new HostileFile(
            FileSniffer.Windows1252.GetBytes(Header + "\n" + Filler + string.Join('\n', Good("G1", title: "Café – “paper jam” €5"), Good("G2"), Good("G3")) + "\n"),
            ImportOutcome.Imported, [], [.. lateIds, .. G123]) { StoredId = "G1", StoredTitle = "Café – “paper jam” €5" };
        files["late-invalid-utf8"] = new HostileFile(
            [.. Encoding.UTF8.GetBytes(Header + "\n" + Filler + Good("G1") + "\nD1,2026-03-02 09:00:00,,,Lap"), 0x81, 0x9D, .. Encoding.UTF8.GetBytes(",Workplace,Jan,0,0,true,600,2026-03-02 10:00:00\n" + Good("G2") + "\n" + Good("G3") + "\n")],
            ImportOutcome.Imported, [(703, "short_description")], [.. lateIds, .. G123]) { ReasonHolds = "--encoding windows-1252" };
        files["early-invalid-late-utf8"] = new HostileFile(
            [.. Encoding.UTF8.GetBytes(Header + "\n" + Good("G1") + "\nD1,2026-03-02 09:00:00,,,Caf"), 0xE9, .. Encoding.UTF8.GetBytes(",Workplace,Jan,0,0,true,600,2026-03-02 10:00:00\n" + Filler + Good("G2", title: "Één scherm") + "\n" + Good("G3") + "\n")],
            ImportOutcome.Imported, [(3, "short_description")], [.. lateIds, .. G123]) { StoredId = "G2", StoredTitle = "Één scherm", ReasonHolds = "--encoding windows-1252" };
        files["twenty-megabyte-field"] = new HostileFile(
            Encoding.UTF8.GetBytes(Around(Good("D1", title: "\"" + new string('x', 20 * 1024 * 1024) + "\"")) + Good("D2", opened: "bad") + "\n"),
            ImportOutcome.Imported, [(4, "(row)"), (6, "opened_at")], G123) { ReasonHolds = "longer than" };
        files["very-long-line"] = Row(Good("D1", title: new string('y', 10 * 1024 * 1024)), "(row)", "longer than");
        files["escape-codes-in-header"] = Fine(Encoding.UTF8.GetBytes(
            string.Join('\n', Header + ",\u001b[31mred\u001b[0m\u0007", Good("G1") + ",x", Good("G2") + ",x", Good("G3") + ",x") + "\n"));
        files["escape-codes-in-missing-key-header"] = Refused(Encoding.UTF8.GetBytes("\u001b]0;pwned\u0007id\u001b[2J,opened_at\n1,2026-03-02 09:00:00\n"), "\\x1B]0;pwned\\x07id\\x1B[2J");
        files["escape-codes-in-key"] = new HostileFile(
            Encoding.UTF8.GetBytes(Around(Good("G1\u001b[31m") + "\n" + Good("G1\u001b[31m", title: "Other"))),
            ImportOutcome.Imported, [(5, "number")], [.. G123, "G1\u001b[31m"]) { ReasonHolds = "G1\\x1B[31m" };
        files["bidi-override-in-title"] = Fine(Encoding.UTF8.GetBytes(Around(Good("G4", title: "invoice\u202Efdp.exe"))), "G4", "invoice\u202Efdp.exe");
        files["utf8-bom"] = Fine([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Around(Good("G4", title: "Één scherm")))], "G4", "Één scherm");
        files["utf16-le-bom"] = Fine([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Around(Good("G4", title: "Één scherm")))], "G4", "Één scherm");
        files["utf16-le-no-bom"] = Fine(Encoding.Unicode.GetBytes(Around(Good("G4", title: "Één scherm"))), "G4", "Één scherm");
        files["utf16-be-bom"] = Fine([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Around(Good("G4", title: "Één scherm")))], "G4", "Één scherm");
        files["empty"] = Refused([], "the file is empty");
        files["bom-only"] = Refused(Encoding.UTF8.GetPreamble(), "no header row");
        files["newline-only"] = Refused("\n"u8.ToArray(), "no header row");
        files["binary-garbage"] = Refused(Garbage(), "binary-garbage");
        files["missing-key-column"] = Refused(Encoding.UTF8.GetBytes("id,opened_at\n1,2026-03-02 09:00:00\n"), "'number'");
        files["header-only"] = new HostileFile(Encoding.UTF8.GetBytes(Header + "\n"), ImportOutcome.NothingImported, [], []);
        files["header-and-blank-lines"] = new HostileFile(Encoding.UTF8.GetBytes(Header + "\n\n\n\r\n"), ImportOutcome.NothingImported, [], []);
        files["every-row-bad"] = new HostileFile(Encoding.UTF8.GetBytes(Header + "\n" + Good("D1", opened: "bad") + "\n" + Good("D2", opened: "worse") + "\n"), ImportOutcome.NothingImported, [(2, "opened_at"), (3, "opened_at")], []);
        files["nul-line"] = Row("\0\0\0\0\0\0", "(row)");
        files["nul-bytes-between-rows"] = Row("\0,\0,\0,\0,\0,\0,\0,\0,\0,\0,\0,\0", "number");
        files["mixed-line-endings"] = new HostileFile(
            Encoding.UTF8.GetBytes(Header + "\r\n" + Good("G1") + "\r" + Good("G2") + "\n" + Good("D1", opened: "bad") + "\r\n" + Good("G3")),
            ImportOutcome.Imported, [(4, "opened_at")], G123);
        files["no-newline-at-end"] = Fine(Encoding.UTF8.GetBytes(Around(Good("G4")).TrimEnd('\n')), "G4");
        files["duplicate-headers"] = Fine(Encoding.UTF8.GetBytes(string.Join('\n', Header + ",number", Good("G1") + ",X1", Good("G2") + ",X2", Good("G3") + ",X3") + "\n"));
        return files;
    }

    private static byte[] Garbage()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
