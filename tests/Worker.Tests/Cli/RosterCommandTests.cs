using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using UglyToad.PdfPig;
using Worker.Cli;

namespace Worker.Tests.Cli;

/// <summary>
/// <c>roster import</c> and <c>roster show</c> as an operator runs them, and the reports on a store that has
/// a real export's tickets but no roster: the teams and agents are inferred, contract hours unknown.
/// </summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class RosterCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "worker-tests", Guid.NewGuid().ToString("N"));

    public RosterCommandTests()
    {
        Directory.CreateDirectory(_folder);
        Environment.SetEnvironmentVariable("Store__ConnectionString", $"Data Source={Path.Combine(_folder, "store.db")};Pooling=False");
    }

    [Fact]
    public async Task RosterImport_TeamsAgentsAndLeave_ThenShow_ListsThemAsLoaded()
    {
        var teams = Write("teams.csv", "Team,Manager e-mails,Time zone,Workday start,Workday end,Shrinkage\nService Desk,lead@example.org,Europe/Amsterdam,08:00,17:00,0.25\n");
        var agents = Write("medewerkers.csv", "Naam;Team;Contracturen;Begindatum\nAnn de Wit;Service Desk;32,5;1-2-2024\nBas Jansen;Service Desk;;\n");
        var leave = Write("leave.csv", "Agent,From,To,Hours per week\nAnn de Wit,2026-12-07,2026-12-18,\n");

        Assert.Equal(0, (await RunAsync("roster", "import", teams)).Exit);
        Assert.Equal(0, (await RunAsync("roster", "import", agents)).Exit);
        Assert.Equal(0, (await RunAsync("roster", "import", leave)).Exit);
        var (exit, output, error) = await RunAsync("roster", "show", "--week", "2026-W47");

        Assert.True(exit == 0, error);
        Assert.Contains("Service Desk", output, StringComparison.Ordinal);
        Assert.Contains("lead@example.org", output, StringComparison.Ordinal);
        Assert.Matches(@"Ann de Wit\s*│\s*Service Desk\s*│\s*32\.5", output);
        Assert.Matches(@"Bas Jansen\s*│\s*Service Desk\s*│\s*unknown", output);
        Assert.Contains("whole contract", output, StringComparison.Ordinal);
        Assert.DoesNotContain("inferred", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RosterImport_BadRow_NamesFileLineAndField_KeepsTheGoodRows_AndARerunChangesNothing()
    {
        var agents = Write("agents.csv", "Name,Team,Contract hours\nAnn,Service Desk,40\nBas,Service Desk,veertig\nCor,Workplace,\n");

        var (exit, output, error) = await RunAsync("roster", "import", agents);
        var (again, outputAgain, _) = await RunAsync("roster", "import", agents);

        Assert.Equal(0, exit);
        Assert.Contains("agents.csv:3: field 'Contract hours'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Matches(@"agents\s*│\s*3\s*│\s*2\s*│\s*0\s*│\s*0\s*│\s*1", output);
        Assert.Equal(0, again);
        Assert.Matches(@"agents\s*│\s*3\s*│\s*0\s*│\s*0\s*│\s*2\s*│\s*1", outputAgain);
        Assert.Equal(2L, Count("SELECT COUNT(*) FROM agents"));
        Assert.Equal(1L, Count("SELECT COUNT(*) FROM quarantine WHERE line = 3 AND field = 'Contract hours'"));
    }

    [Fact]
    public async Task RosterImport_NotARosterFile_ExitsTwoWithAMessage()
    {
        var file = Write("tickets.csv", "number,opened_at\nINC1,2026-03-02 09:00:00\n");

        var (exit, _, error) = await RunAsync("roster", "import", file);

        Assert.Equal(ImportCommand.FileUnreadable, exit);
        Assert.Contains("fits no roster file", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreWithTicketsButNoRoster_WeeklyReportForATeamInTheData_IsWritten_AndRosterShowListsTheInferredRoster()
    {
        Assert.Equal(0, (await RunAsync("import", TicketExport(), "--profile", "servicenow")).Exit);
        var pdf = Path.Combine(_folder, "group70.pdf");

        var (exit, _, error) = await RunAsync("report", "weekly", "--team", "Group 70", "--week", "2026-W10", "--out", pdf);
        var (showExit, roster, showError) = await RunAsync("roster", "show", "--week", "2026-W10");

        Assert.True(exit == 0, error);
        var text = PdfText(pdf);
        Assert.Contains("Group 70", text, StringComparison.Ordinal);
        Assert.Contains("Ann Smit 0 0 0 unknown unknown", text, StringComparison.Ordinal); // resolved, open, after hours, hours logged, contract hours
        Assert.True(showExit == 0, showError);
        Assert.Contains("No roster has been loaded", roster, StringComparison.Ordinal);
        Assert.Matches(@"Group 70\s*│.*│\s*inferred", roster);
        Assert.Matches(@"Group 12\s*│.*│\s*inferred", roster);
        Assert.Matches(@"Ann Smit\s*│\s*Group 70\s*│\s*unknown\s*│.*│\s*inferred", roster);
        Assert.Matches(@"Cor Visser\s*│\s*Group 12\s*│\s*unknown\s*│.*│\s*inferred", roster);
    }

    /// <summary>A ServiceNow export of five weeks to 2026-W10: two teams, three assignees, nothing else loaded.</summary>
    private string TicketExport()
    {
        var csv = new StringBuilder("number,opened_at,resolved_at,assignment_group,assigned_to,short_description\n");
        var monday = new DateTime(2026, 2, 2, 9, 0, 0, DateTimeKind.Unspecified);
        var n = 0;
        for (var day = 0; day < 35; day++)
        {
            for (var i = 0; i < 4; i++)
            {
                var opened = monday.AddDays(day).AddHours(i * 2);
                var (team, agent) = (i % 4) switch { 0 => ("Group 70", "Ann Smit"), 1 => ("Group 70", "Bas de Boer"), 2 => ("Group 70", "Ann Smit"), _ => ("Group 12", "Cor Visser") };
                var resolved = i == 1 && day > 30 ? "" : opened.AddHours(5).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture, $"INC{++n:00000},{opened:yyyy-MM-dd HH:mm:ss},{resolved},{team},{agent},Laptop {n}\n");
            }
        }

        return Write("export.csv", csv.ToString());
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => InProcessCli.RunWithOutputAsync(args);

    private static string PdfText(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "store.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Store__ConnectionString", null);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
