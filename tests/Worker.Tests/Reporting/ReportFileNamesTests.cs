using System.Text;
using Analytics.Calendar;
using Analytics.Privacy;
using Reports.Documents;

namespace Worker.Tests.Reporting;

/// <summary>Report file names: readable in any script, bounded, and unique over a run's scopes by construction.</summary>
public sealed class ReportFileNamesTests
{
    private static readonly IsoWeek Week = new(2026, 47);

    private static Dictionary<string, string> Names(params string[] teams)
    {
        var names = ReportFileNames.For([ReportScope.Department, .. teams.Select(ReportScope.ForTeam)]);
        return teams.ToDictionary(t => t, t => names.FileName(ReportKind.Weekly, ReportScope.ForTeam(t), Week), StringComparer.Ordinal);
    }

    [Fact]
    public void UniqueReadableNames_StayAsTheyRead()
    {
        var names = Names("Service Desk", "Служба поддержки", "服务台", "Ünïcödé Team", "Δέλτα");

        Assert.Equal("weekly-service-desk-2026-W47.pdf", names["Service Desk"]);
        Assert.Equal("weekly-служба-поддержки-2026-W47.pdf", names["Служба поддержки"]);
        Assert.Equal("weekly-服务台-2026-W47.pdf", names["服务台"]);
        Assert.Equal("weekly-ünïcödé-team-2026-W47.pdf", names["Ünïcödé Team"]);
        Assert.Equal("weekly-δέλτα-2026-W47.pdf", names["Δέλτα"]);
    }

    [Theory]
    [InlineData("a/b", "a b")]
    [InlineData("a:b", "a\\b")]
    [InlineData("IT", "it")]
    [InlineData("Service Desk", "service-desk")]
    [InlineData("Department", "department-")]
    public void NamesThatReadAlike_GetAHashEachAndDiffer(string one, string other)
    {
        var names = Names(one, other);

        Assert.NotEqual(names[one], names[other], StringComparer.OrdinalIgnoreCase);
        Assert.Contains('_', names[one]);
        Assert.Contains('_', names[other]);
        Assert.Equal(names[one], Names(one, other)[one]);
    }

    [Fact]
    public void ATeamNamedDepartment_DoesNotTakeTheDepartmentsFile()
    {
        var names = ReportFileNames.For([ReportScope.Department, ReportScope.ForTeam("Department")]);

        Assert.Equal("weekly-department-2026-W47.pdf", names.FileName(ReportKind.Weekly, ReportScope.Department, Week));
        Assert.StartsWith("weekly-department_", names.FileName(ReportKind.Weekly, ReportScope.ForTeam("Department"), Week), StringComparison.Ordinal);
    }

    [Fact]
    public void LongNamesThatCutAlike_AreBoundedAndDiffer()
    {
        var one = string.Concat(Enumerable.Repeat("Инфраструктура и эксплуатация ", 10));
        var other = one[..^1] + "!";
        var names = Names(one, other);

        Assert.NotEqual(names[one], names[other]);
        Assert.All(names.Values, n => Assert.InRange(Encoding.UTF8.GetByteCount(n), 1, 120));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("\u0000\u0007\u001b[31m")]
    [InlineData("🔥🔥🔥")]
    [InlineData("evil\u202Efdp.exe")]
    [InlineData("CON")]
    [InlineData("trailing dot. ")]
    public void HostileNames_BecomePlainFileNames(string team)
    {
        var name = Names(team)[team];

        Assert.Equal(name, Path.GetFileName(name));
        Assert.DoesNotContain("..", name, StringComparison.Ordinal);
        Assert.DoesNotContain(name, c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
        Assert.StartsWith("weekly-", name, StringComparison.Ordinal);
        Assert.EndsWith("-2026-W47.pdf", name, StringComparison.Ordinal);
    }
}
