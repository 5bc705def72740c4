using System.Globalization;
using Analytics.Tests.Support;
using Npgsql;

namespace Worker.Tests.Sync;

/// <summary>
/// A ServiceNow-like ticketing database (task, sys_user_group, sys_user) in its own database on the throwaway
/// PostgreSQL server, read through the shipped query sql/sources/servicenow-postgres.sql.
/// </summary>
public sealed class ServiceNowSource : IAsyncDisposable
{
    public static readonly DateTime Epoch = new(2026, 3, 2, 8, 0, 0, DateTimeKind.Unspecified);

    private readonly PostgresServer _server;

    private ServiceNowSource(PostgresServer server, string database)
    {
        _server = server;
        Database = database;
    }

    public string Database { get; }

    public string ConnectionString => _server.ConnectionString(Database);

    public static string QueryFile => Path.Combine(AppContext.BaseDirectory, "sql", "sources", "servicenow-postgres.sql");

    public static async Task<ServiceNowSource> CreateAsync(PostgresServer server)
    {
        var source = new ServiceNowSource(server, await server.CreateDatabaseAsync("snow"));
        await source.ExecuteAsync("""
            CREATE TABLE sys_user_group (sys_id TEXT PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE sys_user (sys_id TEXT PRIMARY KEY, name TEXT NOT NULL);
            CREATE TABLE task (
                sys_id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, sys_class_name TEXT NOT NULL,
                short_description TEXT, category TEXT, subcategory TEXT, priority TEXT, contact_type TEXT,
                assignment_group TEXT, assigned_to TEXT, resolved_by TEXT, caller_id TEXT,
                opened_at TIMESTAMP NOT NULL, u_first_response_at TIMESTAMP, resolved_at TIMESTAMP, closed_at TIMESTAMP,
                due_date TIMESTAMP, made_sla BOOLEAN, reopen_count INTEGER, reassignment_count INTEGER, time_worked INTEGER,
                problem_id TEXT, caused_by TEXT, sys_updated_on TIMESTAMP NOT NULL);
            INSERT INTO sys_user_group VALUES ('g1', 'Service Desk'), ('g2', 'Workplace'), ('g3', 'Network');
            INSERT INTO sys_user VALUES ('u1', 'Anna Jansen'), ('u2', 'Bram de Boer'), ('u3', 'Chris Smit'), ('u9', 'Caller');
            """);
        return source;
    }

    /// <summary>Adds incidents number first..first+count-1, opened an hour apart and last updated <paramref name="updatedAfter"/> minutes past the epoch plus one minute each.</summary>
    public Task InsertAsync(int first, int count, int updatedAfter) => ExecuteAsync(
        """
        INSERT INTO task (sys_id, number, sys_class_name, short_description, category, priority, contact_type,
                          assignment_group, assigned_to, caller_id, opened_at, made_sla, reassignment_count, time_worked, sys_updated_on)
        SELECT 'sys' || n, 'INC' || lpad(n::text, 7, '0'),
               CASE n % 5 WHEN 0 THEN 'sc_req_item' WHEN 1 THEN 'incident' WHEN 2 THEN 'incident' WHEN 3 THEN 'change_request' ELSE 'sc_task' END,
               'Ticket ' || n, 'Hardware', (1 + n % 4)::text || ' - level', CASE n % 3 WHEN 0 THEN 'phone' WHEN 1 THEN 'email' ELSE 'self-service' END,
               'g' || (1 + n % 3), 'u' || (1 + n % 3), 'u9',
               @epoch + make_interval(hours => n), n % 7 <> 0, n % 4, 60 * (n % 50),
               @epoch + make_interval(mins => @updatedAfter + (n - @first))
        FROM generate_series(@first, @first + @count - 1) AS n
        """,
        new Dictionary<string, object> { ["first"] = first, ["count"] = count, ["updatedAfter"] = updatedAfter });

    /// <summary>Resolves and reassigns some tickets, updated <paramref name="updatedAfter"/> minutes past the epoch.</summary>
    public Task ResolveAsync(int first, int count, int updatedAfter) => ExecuteAsync(
        """
        UPDATE task SET resolved_at = opened_at + interval '3 hours', resolved_by = 'u2', assigned_to = 'u2',
                        short_description = short_description || ' (solved)', reassignment_count = reassignment_count + 1,
                        sys_updated_on = @epoch + make_interval(mins => @updatedAfter + (CAST(substr(number, 4) AS integer) - @first))
        WHERE CAST(substr(number, 4) AS integer) BETWEEN @first AND @first + @count - 1
        """,
        new Dictionary<string, object> { ["first"] = first, ["count"] = count, ["updatedAfter"] = updatedAfter });

    /// <summary>What the store should hold for each ticket: key, title, team, assignee, updated and resolved, as the source says.</summary>
    public async Task<IReadOnlyList<string>> ExpectedAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT t.number, t.short_description, g.name, u.name, t.sys_updated_on, t.resolved_at
            FROM task t LEFT JOIN sys_user_group g ON g.sys_id = t.assignment_group LEFT JOIN sys_user u ON u.sys_id = t.assigned_to
            WHERE t.sys_class_name IN ('incident', 'sc_req_item', 'change_request', 'problem', 'sc_task')
            ORDER BY t.number
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Row(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                reader.IsDBNull(5) ? null : new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero)));
        }

        return rows;
    }

    public static string Row(string id, string? title, string? team, string? assignee, DateTimeOffset updated, DateTimeOffset? resolved) =>
        string.Create(CultureInfo.InvariantCulture, $"{id}|{title}|{team}|{assignee}|{updated:u}|{resolved:u}");

    public async Task ExecuteAsync(string sql, IReadOnlyDictionary<string, object>? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("epoch", Epoch);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>())
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await _server.DropDatabaseAsync(Database);
}
