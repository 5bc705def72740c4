using Analytics.Import;
using Analytics.Roster;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Roster;

/// <summary>Roster files into a real SQLite store: the kind told by the header, English and Dutch words, bad rows quarantined, reruns idempotent.</summary>
public sealed class RosterImporterTests : IDisposable
{
    private readonly SqliteTestStore _store = new();

    private RosterImporter Importer => new(_store.Reference, _store.Ledger);

    [Fact]
    public async Task Import_EnglishTeamsFile_StoresTeamsWithWhatWasGivenAndMarksTheRestAssumed()
    {
        var path = _store.WriteFile("teams.csv",
            "Team,Manager e-mails,Time zone,Workday start,Workday end,Shrinkage\n" +
            "Service Desk,lead@example.org;head@example.org,Europe/Amsterdam,07:30,17:00,25%\n" +
            "Workplace,,,,,\n");

        var summary = await ImportAsync(path);

        Assert.Equal(RosterFileKind.Teams, summary.Kind);
        Assert.Equal(2, summary.Added);
        var teams = await _store.Reference.GetTeamsAsync(CancellationToken.None);
        var desk = teams.Single(t => t.Name == "Service Desk");
        Assert.Equal(["lead@example.org", "head@example.org"], desk.ManagerEmails);
        Assert.Equal(new TimeOnly(7, 30), desk.WorkdayStart);
        Assert.Equal(0.25m, desk.Shrinkage);
        Assert.Equal(TeamSettings.All, desk.Given);
        var workplace = teams.Single(t => t.Name == "Workplace");
        Assert.Equal(TeamSettings.None, workplace.Given);
        Assert.Empty(workplace.ManagerEmails);
    }

    [Fact]
    public async Task Import_EnglishAgentsFile_StoresContractHoursDatesAndOptOut_EmptyHoursAreUnknown()
    {
        var path = _store.WriteFile("agents.csv",
            "Name,Team,Contract hours,Start date,End date,Manager e-mail,Recognition opt-out\n" +
            "Ann de Wit,Service Desk,32.5,2024-02-01,,lead@example.org,no\n" +
            "Bas Jansen,Service Desk,,,2026-06-30,,yes\n");

        var summary = await ImportAsync(path);

        Assert.Equal(RosterFileKind.Agents, summary.Kind);
        Assert.Equal(0, summary.Quarantined);
        var agents = await _store.Reference.GetAgentsAsync(CancellationToken.None);
        Assert.Equal(new Agent { Name = "Ann de Wit", Team = "Service Desk", ContractHours = 32.5m, StartDate = new DateOnly(2024, 2, 1), ManagerEmail = "lead@example.org" }, agents[0]);
        Assert.Equal(new Agent { Name = "Bas Jansen", Team = "Service Desk", ContractHours = null, EndDate = new DateOnly(2026, 6, 30), RecognitionOptOut = true }, agents[1]);
    }

    [Fact]
    public async Task Import_DutchAgentsAndLeaveFiles_SemicolonsDayFirstDatesAndDecimalCommas()
    {
        var agents = _store.WriteFile("medewerkers.csv",
            "Naam;Operatorgroep;Contracturen;Begindatum;Einddatum;Leidinggevende;Geen erkenning\n" +
            "Noor Bakker;Werkplek;24,5;1-3-2025;;manager@example.nl;nee\n");
        var leave = _store.WriteFile("verlof.csv",
            "Medewerker;Van;Tot en met;Verlof\n" +
            "Noor Bakker;7-12-2026;18-12-2026;12\n" +
            "Noor Bakker;1-2-2027;5-2-2027;\n");

        var agentSummary = await ImportAsync(agents);
        var leaveSummary = await ImportAsync(leave);

        Assert.Equal(RosterFileKind.Agents, agentSummary.Kind);
        Assert.Equal(RosterFileKind.Leave, leaveSummary.Kind);
        var noor = Assert.Single(await _store.Reference.GetAgentsAsync(CancellationToken.None));
        Assert.Equal(24.5m, noor.ContractHours);
        Assert.Equal("Werkplek", noor.Team);
        Assert.Equal(new DateOnly(2025, 3, 1), noor.StartDate);
        Assert.Equal(
            [new AgentLeave("Noor Bakker", new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 18), 12m), new AgentLeave("Noor Bakker", new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 5), null)],
            await _store.Reference.GetLeaveAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Import_DutchTeamsFile_IsToldFromItsHeader()
    {
        var path = _store.WriteFile("teams.csv", "Teamnaam;Leidinggevenden;Tijdzone;Begintijd;Eindtijd;Krimp\nWerkplek;a@example.nl, b@example.nl;Europe/Amsterdam;8:00;16:30;0,3\n");

        var summary = await ImportAsync(path);

        Assert.Equal(RosterFileKind.Teams, summary.Kind);
        var team = Assert.Single(await _store.Reference.GetTeamsAsync(CancellationToken.None));
        Assert.Equal(["a@example.nl", "b@example.nl"], team.ManagerEmails);
        Assert.Equal(new TimeOnly(16, 30), team.WorkdayEnd);
        Assert.Equal(0.3m, team.Shrinkage);
    }

    [Fact]
    public async Task Import_BadRow_IsQuarantinedWithFileLineAndField_AndTheGoodRowsAreKept()
    {
        var path = _store.WriteFile("agents.csv",
            "Name,Team,Contract hours,Start date\n" +
            "Ann,Service Desk,40,2024-01-01\n" +
            "Bas,Service Desk,forty,2024-01-01\n" +
            "Cor,Workplace,36,2024-13-45\n" +
            "Dirk,Workplace,36,\n");

        var summary = await ImportAsync(path);

        Assert.Equal(2, summary.Added);
        Assert.Equal(2, summary.Quarantined);
        Assert.Equal(["Ann", "Dirk"], (await _store.Reference.GetAgentsAsync(CancellationToken.None)).Select(a => a.Name));
        var quarantined = await _store.Ledger.GetQuarantineAsync(null, CancellationToken.None);
        var hours = quarantined.Single(q => q.Line == 3);
        Assert.Equal(("agents.csv", "Contract hours", "forty"), (hours.FileName, hours.Field, hours.RawValue));
        Assert.Contains("contract hours", hours.Reason, StringComparison.Ordinal);
        var date = quarantined.Single(q => q.Line == 4);
        Assert.Equal("Start date", date.Field);
        Assert.Equal("agents.csv:3: field 'Contract hours': not contract hours per week between 0 and 80", summary.FirstProblems[0].ToString());
    }

    [Fact]
    public async Task Import_SameFileTwice_ChangesNothingTheSecondTime()
    {
        var teams = _store.WriteFile("teams.csv", "Team,Manager e-mails,Shrinkage\nService Desk,lead@example.org,0.3\nWorkplace,,\n");
        var agents = _store.WriteFile("agents.csv", "Name,Team,Contract hours\nAnn,Service Desk,40\nBas,Workplace,\nCor,Workplace,lots\n");

        await ImportAsync(teams);
        await ImportAsync(agents);
        var teamsAgain = await ImportAsync(teams);
        var agentsAgain = await ImportAsync(agents);

        Assert.Equal((0L, 0L, 2L), (teamsAgain.Added, teamsAgain.Changed, teamsAgain.Unchanged));
        Assert.Equal((0L, 0L, 2L, 1L), (agentsAgain.Added, agentsAgain.Changed, agentsAgain.Unchanged, agentsAgain.Quarantined));
        Assert.Single(await _store.Ledger.GetQuarantineAsync(null, CancellationToken.None));
        Assert.Equal(2, (await _store.Reference.GetAgentsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Import_ChangedContractHours_UpdatesTheAgent()
    {
        await ImportAsync(_store.WriteFile("a.csv", "Name,Team,Contract hours\nAnn,Service Desk,40\n"));

        var summary = await ImportAsync(_store.WriteFile("b.csv", "Name,Team,Contract hours\nAnn,Service Desk,32\n"));

        Assert.Equal(1, summary.Changed);
        Assert.Equal(32m, Assert.Single(await _store.Reference.GetAgentsAsync(CancellationToken.None)).ContractHours);
    }

    [Fact]
    public async Task Import_HeaderOfNoRosterFile_IsAFileErrorNamingTheExpectedWords()
    {
        var path = _store.WriteFile("tickets.csv", "number,opened_at,short_description\nINC1,2026-01-01,Laptop\n");

        var error = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(path));

        Assert.Contains("tickets.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Team'", error.Message, StringComparison.Ordinal);
        Assert.Contains("docs/roster.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LeaveEndingBeforeItStarts_IsQuarantined()
    {
        var path = _store.WriteFile("leave.csv", "Agent,From,To,Hours per week\nAnn,2026-12-10,2026-12-01,\n");

        var summary = await ImportAsync(path);

        Assert.Equal(1, summary.Quarantined);
        Assert.Equal("To", Assert.Single(await _store.Ledger.GetQuarantineAsync(null, CancellationToken.None)).Field);
        Assert.Empty(await _store.Reference.GetLeaveAsync(CancellationToken.None));
    }

    private Task<RosterImportSummary> ImportAsync(string path) => Importer.ImportAsync(path, null, null, CancellationToken.None);

    public void Dispose() => _store.Dispose();
}
