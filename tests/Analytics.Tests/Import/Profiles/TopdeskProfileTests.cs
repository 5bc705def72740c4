using Analytics.Import;
using Analytics.Tests.Support;
using Analytics.Tickets;
using static Analytics.Tests.Import.Profiles.ImportAssert;

namespace Analytics.Tests.Import.Profiles;

public sealed class TopdeskProfileTests : IDisposable
{
    // A Dutch TOPdesk incident overview export: ';' separated, day-first dates with and without leading zeros.
    private const string DutchExport = """
        Incidentnummer;Aanmelddatum;Melder;Korte omschrijving;Soort melding;Meldingswijze;Categorie;Subcategorie;Prioriteit;Operatorgroep;Behandelaar;Streefdatum;Gereed;Datum gereed;Afgemeld;Datum afgemeld;Tijd besteed;Datum wijziging
        I 2601 001;5-1-2026 9:05;Piet Jansen;Outlook start niet op;Storing;Telefonisch;Software;Kantoorapplicaties;P2 - Hoog;Servicedesk;Ana de Vries;6-1-2026 17:00;Ja;5-1-2026 11:20;Ja;6-1-2026 8:00;45;06-01-2026 08:00
        I 2607 014;14-7-2026 9:05;Karin Visser;Nieuwe medewerker: account en laptop;Verzoek;Selfservice portal;Accounts;Nieuw account;P4 - Laag;Werkplekbeheer;Bram Smit;21-7-2026 17:00;Nee;;Nee;;1:30;15-07-2026 10:12
        I 2601 002;12-01-2026 14:30;?;Wijziging firewallregel VPN;Wijziging;E-mail;-;NULL;N/A;Netwerkbeheer;-;;Nee;;Nee;;;
        I 2601 003;20-1-2026 23:50;Monitoring;"Schijf C: bijna vol op FS01; opschonen";Storing;Monitoring;Hardware;Opslag;P3 - Normaal;Servicedesk;Ana de Vries;21-1-2026 12:00;Ja;22-1-2026 9:00;Nee;;20;
        """;

    // The same export made by an operator with English as language: ',' separated, UK day-first dates.
    private const string EnglishExport = """
        Incident number,Call date,Caller,Brief description,Call type,Entry type,Category,Subcategory,Priority,Operator group,Operator,Target date,Completed,Completion date,Closed,Closure date,Time spent,Change date
        I 2607 101,15/07/2026 09:05,Piet Jansen,Cannot print to 2nd floor printer,Incident,Walk-in,Hardware,Printer,P3 - Normal,Service Desk,Ana de Vries,16/07/2026 17:00,Yes,15/07/2026 10:35,Yes,16/07/2026 09:00,25,16/07/2026 09:00
        I 2607 102,20/07/2026 13:45,Karin Visser,Access to finance share,Service request,Self-Service Portal,Access,File share,P4 - Low,Service Desk,,27/07/2026 17:00,No,,No,,,20/07/2026 13:50
        I 2601 103,19/01/2026 08:00,N/A,How do I set an out-of-office reply?,Question,Chat,-,,?,Service Desk,Ana de Vries,,,,Yes,19/01/2026 08:20,5,
        """;

    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task Topdesk_DutchExport_MapsEveryField()
    {
        var path = _store.WriteFile("topdesk-nl.csv", DutchExport);

        var summary = await _store.ImportAsync(path, "topdesk");

        Counts(summary, read: 4, inserted: 4);
        var outlook = await TicketAsync(_store, "topdesk", "I 2601 001");
        Assert.Equal(TicketKind.Incident, outlook.Kind);
        Assert.Equal("Outlook start niet op", outlook.Title);
        Assert.Equal("Software", outlook.Category);
        Assert.Equal("Kantoorapplicaties", outlook.Subcategory);
        Assert.Equal("P2 - Hoog", outlook.Priority);
        Assert.Equal(Channel.Phone, outlook.Channel);
        Assert.Equal("Servicedesk", outlook.Team);
        Assert.Equal("Ana de Vries", outlook.Assignee);
        Assert.Null(outlook.ResolvedBy);
        Assert.Equal(Utc(2026, 1, 5, 8, 5), outlook.OpenedAt);
        Assert.Null(outlook.FirstResponseAt);
        Assert.Equal(Utc(2026, 1, 5, 10, 20), outlook.ResolvedAt);
        Assert.Equal(Utc(2026, 1, 6, 7, 0), outlook.ClosedAt);
        Assert.Equal(Utc(2026, 1, 6, 16, 0), outlook.DueAt);
        Assert.False(outlook.SlaBreached);
        Assert.Equal(0, outlook.ReopenCount);
        Assert.Equal(0, outlook.ReassignmentCount);
        Assert.False(outlook.Proactive);
        Assert.Equal(45, outlook.TimeSpentMinutes);
        Assert.Null(outlook.ProblemId);
        Assert.Null(outlook.CausedByChange);
        Assert.Equal(Utc(2026, 1, 6, 7, 0), outlook.UpdatedAt);

        // Open request in summer time (9:05 local = 07:05Z); "1:30" is ninety minutes.
        var account = await TicketAsync(_store, "topdesk", "I 2607 014");
        Assert.Equal(TicketKind.Request, account.Kind);
        Assert.Equal("Nieuwe medewerker: account en laptop", account.Title);
        Assert.Equal(Channel.Portal, account.Channel);
        Assert.Equal("Werkplekbeheer", account.Team);
        Assert.Equal("Bram Smit", account.Assignee);
        Assert.Equal(Utc(2026, 7, 14, 7, 5), account.OpenedAt);
        Assert.Null(account.ResolvedAt);
        Assert.Null(account.ClosedAt);
        Assert.Equal(Utc(2026, 7, 21, 15, 0), account.DueAt);
        Assert.Null(account.SlaBreached);
        Assert.Equal(90, account.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 7, 15, 8, 12), account.UpdatedAt);

        // Missing tokens read as no value; no change date: the watermark is the latest known date.
        var firewall = await TicketAsync(_store, "topdesk", "I 2601 002");
        Assert.Equal(TicketKind.Change, firewall.Kind);
        Assert.Equal(Channel.Email, firewall.Channel);
        Assert.Null(firewall.Category);
        Assert.Null(firewall.Subcategory);
        Assert.Null(firewall.Priority);
        Assert.Null(firewall.Assignee);
        Assert.Equal("Netwerkbeheer", firewall.Team);
        Assert.Equal(Utc(2026, 1, 12, 13, 30), firewall.OpenedAt);
        Assert.Null(firewall.ResolvedAt);
        Assert.Null(firewall.DueAt);
        Assert.Null(firewall.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 1, 12, 13, 30), firewall.UpdatedAt);

        // Raised by monitoring, completed after its target date, not yet closed.
        var disk = await TicketAsync(_store, "topdesk", "I 2601 003");
        Assert.Equal("Schijf C: bijna vol op FS01; opschonen", disk.Title);
        Assert.Equal(Channel.Monitoring, disk.Channel);
        Assert.True(disk.Proactive);
        Assert.Equal(Utc(2026, 1, 20, 22, 50), disk.OpenedAt);
        Assert.Equal(Utc(2026, 1, 22, 8, 0), disk.ResolvedAt);
        Assert.Null(disk.ClosedAt);
        Assert.True(disk.SlaBreached);
        Assert.Equal(20, disk.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 1, 22, 8, 0), disk.UpdatedAt);

        var rerun = await _store.ImportAsync(path, "topdesk");
        Counts(rerun, read: 4, inserted: 0, unchanged: 4);
    }

    [Fact]
    public async Task Topdesk_EnglishExport_MapsEveryField()
    {
        var path = _store.WriteFile("topdesk-en.csv", EnglishExport);

        var summary = await _store.ImportAsync(path, "topdesk");

        Counts(summary, read: 3, inserted: 3);
        var printer = await TicketAsync(_store, "topdesk", "I 2607 101");
        Assert.Equal(TicketKind.Incident, printer.Kind);
        Assert.Equal("Cannot print to 2nd floor printer", printer.Title);
        Assert.Equal("Hardware", printer.Category);
        Assert.Equal("Printer", printer.Subcategory);
        Assert.Equal("P3 - Normal", printer.Priority);
        Assert.Equal(Channel.WalkIn, printer.Channel);
        Assert.Equal("Service Desk", printer.Team);
        Assert.Equal("Ana de Vries", printer.Assignee);
        Assert.Equal(Utc(2026, 7, 15, 7, 5), printer.OpenedAt);
        Assert.Equal(Utc(2026, 7, 15, 8, 35), printer.ResolvedAt);
        Assert.Equal(Utc(2026, 7, 16, 7, 0), printer.ClosedAt);
        Assert.Equal(Utc(2026, 7, 16, 15, 0), printer.DueAt);
        Assert.False(printer.SlaBreached);
        Assert.False(printer.Proactive);
        Assert.Equal(25, printer.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 7, 16, 7, 0), printer.UpdatedAt);

        var share = await TicketAsync(_store, "topdesk", "I 2607 102");
        Assert.Equal(TicketKind.Request, share.Kind);
        Assert.Equal(Channel.Portal, share.Channel);
        Assert.Null(share.Assignee);
        Assert.Equal(Utc(2026, 7, 20, 11, 45), share.OpenedAt);
        Assert.Null(share.ResolvedAt);
        Assert.Null(share.ClosedAt);
        Assert.Equal(Utc(2026, 7, 27, 15, 0), share.DueAt);
        Assert.Null(share.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 7, 20, 11, 50), share.UpdatedAt);

        // Closed without a completion date: resolved when closed.
        var question = await TicketAsync(_store, "topdesk", "I 2601 103");
        Assert.Equal(TicketKind.Request, question.Kind);
        Assert.Equal(Channel.Chat, question.Channel);
        Assert.Null(question.Category);
        Assert.Null(question.Priority);
        Assert.Equal(Utc(2026, 1, 19, 7, 0), question.OpenedAt);
        Assert.Equal(Utc(2026, 1, 19, 7, 20), question.ResolvedAt);
        Assert.Equal(Utc(2026, 1, 19, 7, 20), question.ClosedAt);
        Assert.Null(question.DueAt);
        Assert.Null(question.SlaBreached);
        Assert.Equal(5, question.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 1, 19, 7, 20), question.UpdatedAt);

        var rerun = await _store.ImportAsync(path, "topdesk");
        Counts(rerun, read: 3, inserted: 0, unchanged: 3);
    }

    [Fact]
    public async Task Topdesk_ClosedBeforeCallDateOrWithoutClosureDate_IsQuarantinedWithColumn()
    {
        var path = _store.WriteFile("topdesk-bad.csv", """
            Incidentnummer;Aanmelddatum;Korte omschrijving;Afgemeld;Datum afgemeld;Tijd besteed
            I 2601 010;5-1-2026 9:05;Goed;Ja;5-1-2026 10:00;10
            I 2601 011;5-1-2026 9:05;Afgemeld voor aanmelding;Ja;4-1-2026 10:00;10
            I 2601 012;5-1-2026 9:05;Afgemeld zonder datum;Ja;;10
            I 2601 013;5-1-2026 9:05;Rare tijd;Nee;;een uur
            """);

        var summary = await _store.ImportAsync(path, "topdesk");

        Counts(summary, read: 4, inserted: 1, quarantined: 3);
        Assert.Contains(summary.FirstProblems, p => p.Line == 3 && p.Field == "Datum afgemeld" && p.Reason.Contains("before opened", StringComparison.Ordinal));
        Assert.Contains(summary.FirstProblems, p => p.Line == 4 && p.Field == "Datum afgemeld" && p.Reason.Contains("no closure date", StringComparison.Ordinal));
        Assert.Contains(summary.FirstProblems, p => p.Line == 5 && p.Field == "Tijd besteed" && p.RawValue == "een uur");
    }

    [Fact]
    public async Task Topdesk_WithoutCallDate_FailsNamingBothSpellings()
    {
        var path = _store.WriteFile("topdesk-nodate.csv", """
            Incidentnummer;Korte omschrijving
            I 2601 001;Outlook start niet op
            """);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => _store.ImportAsync(path, "topdesk"));

        Assert.Contains("'Aanmelddatum' or 'Call date'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _store.Dispose();
}
