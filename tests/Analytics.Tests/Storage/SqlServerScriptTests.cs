using Analytics.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit.Abstractions;

namespace Analytics.Tests.Storage;

/// <summary>
/// The SQL Server migrations cannot run here without a server, so each script is at least parsed with
/// SQL Server's own T-SQL parser: for SQL Server 2022 (the oldest version the store targets) and 2025.
/// </summary>
public sealed class SqlServerScriptTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(ScriptFolder, "*.sql").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_ParsesWithoutErrors_ForSqlServer2022And2025(string script)
    {
        var text = File.ReadAllText(Path.Combine(ScriptFolder, script));
        TSqlParser[] parsers = [new TSql160Parser(initialQuotedIdentifiers: true), new TSql170Parser(initialQuotedIdentifiers: true)];

        var errors = new List<string>();
        foreach (var parser in parsers)
        {
            using var reader = new StringReader(text);
            parser.Parse(reader, out var parseErrors);
            errors.AddRange(parseErrors.Select(e => $"{parser.GetType().Name}: {script}({e.Line},{e.Column}): error {e.Number}: {e.Message}"));
        }

        foreach (var error in errors)
        {
            output.WriteLine(error);
        }

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void ScriptFolder_EveryScriptIsEmbeddedForDbUp()
    {
        var onDisk = Directory.GetFiles(ScriptFolder, "*.sql").Select(p => "sql.sqlserver." + Path.GetFileName(p)).Order(StringComparer.Ordinal);
        var embedded = typeof(SqlDialect).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("sql.sqlserver.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.NotEmpty(onDisk);
        Assert.Equal(onDisk, embedded);
    }

    private static string ScriptFolder => Path.Combine(RepositoryRoot(), "sql", "sqlserver");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analytics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Analytics.sln not found above {AppContext.BaseDirectory}.");
    }
}
