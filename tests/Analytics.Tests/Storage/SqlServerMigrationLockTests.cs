using Analytics.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Analytics.Tests.Storage;

/// <summary>
/// SQL Server cannot run here, so the statements that serialise its migrations (an application lock held by
/// the session while DbUp runs) are at least parsed by SQL Server's own T-SQL parser.
/// </summary>
public sealed class SqlServerMigrationLockTests
{
    [Theory]
    [InlineData(SqlServerDialect.MigrationLock)]
    [InlineData(SqlServerDialect.MigrationUnlock)]
    public void MigrationLockStatements_ParseWithoutErrors(string sql)
    {
        foreach (TSqlParser parser in (TSqlParser[])[new TSql160Parser(initialQuotedIdentifiers: true), new TSql170Parser(initialQuotedIdentifiers: true)])
        {
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"{parser.GetType().Name} ({e.Line},{e.Column}): {e.Message}")));
        }
    }

    [Fact]
    public void MigrationLock_IsHeldByTheSession_UntilReleased()
    {
        // A transaction-owned lock would end with DbUp's first script; the session's lasts until the release.
        Assert.Contains("@LockOwner = N'Session'", SqlServerDialect.MigrationLock, StringComparison.Ordinal);
        Assert.Contains("@LockTimeout = -1", SqlServerDialect.MigrationLock, StringComparison.Ordinal);
        Assert.Contains("@LockOwner = N'Session'", SqlServerDialect.MigrationUnlock, StringComparison.Ordinal);
    }
}
