using Analytics.Storage;
using Analytics.Workload;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Analytics.Tests.Workload;

/// <summary>
/// The weekly metrics' queries run on SQLite and PostgreSQL in the other tests; without a SQL Server
/// here, its T-SQL form is at least parsed with SQL Server's own parser (2022 and 2025).
/// </summary>
public sealed class WorkloadQueryTests
{
    public static TheoryData<string> Queries() => ["tickets", "time log", "data start"];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_ForSqlServer_ParsesWithoutErrors(string query)
    {
        var sql = query switch
        {
            "tickets" => WorkloadTicketReader.Sql(new SqlServerDialect()),
            "data start" => DataStartReader.Sql(new SqlServerDialect()),
            _ => TimeLogReader.Sql(new SqlServerDialect()),
        };

        TSqlParser[] parsers = [new TSql160Parser(initialQuotedIdentifiers: true), new TSql170Parser(initialQuotedIdentifiers: true)];
        foreach (var parser in parsers)
        {
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{parser.GetType().Name} ({e.Line},{e.Column}): {e.Message}")));
        }
    }

    [Fact]
    public void TicketQuery_ForSqlServer_HasNoNullsFirst()
    {
        Assert.DoesNotContain("NULLS FIRST", WorkloadTicketReader.Sql(new SqlServerDialect()), StringComparison.Ordinal);
    }
}
